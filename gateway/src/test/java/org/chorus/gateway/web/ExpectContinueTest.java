package org.chorus.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Clients that send "Expect: 100-continue" (curl does for bodies over 1 MB) upload once the gateway's checks
 * pass, and get a refusal without uploading. Spoken on a raw socket, to see the interim 100 on the wire.
 */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class ExpectContinueTest {

    private static final String BODY = "x".repeat(100_000);

    @Test
    void anAcceptedRequestIsToldToContinueAndItsBodyReachesTheService() throws IOException {
        try (Socket socket = connect()) {
            BufferedReader in = reader(socket);
            OutputStream out = socket.getOutputStream();
            out.write(head("/api/auth/upload").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertEquals("HTTP/1.1 100 Continue", in.readLine());
            assertEquals("", in.readLine());
            out.write(BODY.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertEquals("HTTP/1.1 200 OK", in.readLine());
            String response = headersAndBody(in);
            // the whole body arrived, and the service got a plain request without the expectation
            assertTrue(response.contains("\"body\":\"" + BODY + "\""));
            assertFalse(response.contains("\"expect\""));
        }
    }

    @Test
    void aRefusedRequestIsAnsweredAtOnceWithoutAskingForTheBody() throws IOException {
        try (Socket socket = connect()) {
            BufferedReader in = reader(socket);
            socket.getOutputStream().write(head("/api/posts").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            assertEquals("HTTP/1.1 401 Unauthorized", in.readLine());
            String response = headersAndBody(in).toLowerCase();
            assertTrue(response.contains("content-type: application/problem+json"));
            // the body never came: this connection's framing is unknown, so it is not kept for another request
            assertTrue(response.contains("connection: close"));
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static String head(String path) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n" + "Content-Length: "
                + BODY.length() + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
    }

    /** The header lines after the status line, then the body (Content-Length bytes; all ASCII here). */
    private static String headersAndBody(BufferedReader in) throws IOException {
        StringBuilder text = new StringBuilder();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            text.append(line).append('\n');
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        char[] body = new char[length];
        for (int read = 0; read < length; ) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return text.append('\n').append(body).toString();
    }
}
