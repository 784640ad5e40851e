package org.chorus.infra;

/** The pieces of infrastructure; each can be left out, or given from outside through the environment. */
public enum Part {
    POSTGRES("PostgreSQL"),
    REDIS("Redis"),
    KAFKA("Kafka"),
    MAIL("SMTP catcher");

    private final String label;

    Part(String label) {
        this.label = label;
    }

    /** How error messages name it ("port 15432 (PostgreSQL) is already in use"). */
    public String label() {
        return label;
    }
}
