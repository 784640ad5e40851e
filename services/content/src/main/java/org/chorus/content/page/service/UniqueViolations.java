package org.chorus.content.page.service;

import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;

/** Whether a write failed because it broke a given unique constraint (PostgreSQL's unique_violation, 23505). */
final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {}

    static boolean broke(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    && UNIQUE_VIOLATION.equals(violation.getSQLState())) {
                return violation.getConstraintName().contains(constraint);
            }
            // PostgreSQL names the constraint in its message: duplicate key value violates unique constraint "..."
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return String.valueOf(sql.getMessage()).contains("\"" + constraint + "\"");
            }
        }
        return false;
    }
}
