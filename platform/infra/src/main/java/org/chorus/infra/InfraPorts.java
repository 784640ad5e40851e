package org.chorus.infra;

/**
 * Where each part listens; 0 means "any free port".
 *
 * @param kafkaController the KRaft controller listener of the one-node broker
 * @param mailApi         GreenMail's REST API, to read received mail
 */
public record InfraPorts(int postgres, int redis, int kafka, int kafkaController, int smtp, int mailApi) {

    /** The fixed local ports of `./chorus up` and `./chorus infra` (the README lists them). */
    public static final InfraPorts LOCAL = new InfraPorts(15432, 16379, 19092, 19093, 3025, 18025);

    /** Free ports picked at start: tests, several of which may run at once on one machine. */
    public static final InfraPorts RANDOM = new InfraPorts(0, 0, 0, 0, 0, 0);
}
