package org.chorus.login.support;

import java.util.concurrent.ThreadLocalRandom;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests as if from a fresh client address each time (the service trusts X-Forwarded-For from
 * 127.0.0.1, like from the gateway), so per-address rate limits of one test never touch another.
 */
public final class Http {

    private Http() {}

    public static RequestSpecification given() {
        return RestAssured.given().header("X-Forwarded-For", randomAddress());
    }

    /** A request from the given client address. */
    public static RequestSpecification from(String address) {
        return RestAssured.given().header("X-Forwarded-For", address);
    }

    public static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
