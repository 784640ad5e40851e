package org.chorus.infra;

/** A fixed port is taken; the message names the port and what wanted it, for the person at the terminal. */
public class PortInUseException extends RuntimeException {

    public PortInUseException(int port, String what) {
        super("port " + port + " (" + what + ") is already in use");
    }
}
