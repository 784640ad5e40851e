package org.chorus.login.service;

/**
 * What a signed-in user gives to prove it is them again before an account-wide change: the password,
 * and with two-factor authentication on, a current code or a recovery code (exactly one of them).
 *
 * @param passwordField the request field the password came in, named in the 400 when it is wrong
 */
public record IdentityProof(String password, String passwordField, String code, String recoveryCode) {

    @Override
    public String toString() {
        return "IdentityProof[]";
    }
}
