package org.chorus.testing;

import static io.restassured.RestAssured.given;

import java.util.UUID;

/**
 * The access answers every protected read shares, checked against the running service: no valid token is a 401
 * problem, a valid token without the role a 403 problem.
 */
public final class AccessChecks {

    private static final String PROBLEM = "application/problem+json";

    private AccessChecks() {}

    /** {@code GET path} without a token, with an expired one and with one signed by another key: each a 401. */
    public static void readNeedsAValidToken(String path) {
        given().get(path).then().statusCode(401).contentType(PROBLEM);
        for (String token : new String[] {
            TestJwt.expired(UUID.randomUUID(), "old"), TestJwt.signedByOtherKey(UUID.randomUUID(), "mallory")
        }) {
            given().auth().oauth2(token).get(path).then().statusCode(401).contentType(PROBLEM);
        }
    }

    /** {@code GET path} with a valid token holding exactly {@code groups}: a 403. */
    public static void readIsForbiddenTo(String path, String... groups) {
        given().auth()
                .oauth2(TestJwt.token(UUID.randomUUID(), "someone", groups))
                .get(path)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }
}
