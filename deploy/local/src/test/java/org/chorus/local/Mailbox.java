package org.chorus.local;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

/** The mail the running suite sent, read back from the SMTP catcher's REST API. */
public final class Mailbox {

    /** One received message: its subject and its raw MIME content. */
    public record Message(String subject, String content) {}

    private Mailbox() {}

    /** Every message received for this address so far, oldest first (none for an address never written to). */
    public static List<Message> of(String email) {
        Response inbox =
                given().baseUri(RunningSuite.infra().mailApiUrl()).get("/api/user/" + email + "/messages/INBOX");
        if (inbox.statusCode() != 200) {
            return List.of(); // the catcher knows no mailbox for an address that has received nothing yet
        }
        List<Map<String, Object>> messages = inbox.jsonPath().getList("$");
        return messages.stream()
                .map(m -> new Message(String.valueOf(m.get("subject")), String.valueOf(m.get("mimeMessage"))))
                .toList();
    }
}
