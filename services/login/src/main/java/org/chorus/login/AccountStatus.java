package org.chorus.login;

/** Whether an account may log in. Suspension comes from admin's {@code user-suspended} event. */
public enum AccountStatus {
    ACTIVE,
    SUSPENDED
}
