package org.chorus.users;

/** Stands for a type of another service. */
public class UsersType {
}
