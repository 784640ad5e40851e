package org.chorus.web;

/**
 * Thrown by services for an expected failure the caller should see, e.g. a 409 for a taken
 * username. It becomes a problem+json response with exactly these fields; never a 500.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist");
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Bad request", detail);
    }

    public Problem toProblem() {
        return Problem.of(status, slug, title, getMessage());
    }

    public int status() {
        return status;
    }
}
