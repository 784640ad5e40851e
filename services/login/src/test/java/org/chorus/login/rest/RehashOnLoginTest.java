package org.chorus.login.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.chorus.login.service.Argon2idHash;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RehashOnLoginTest {

    @Inject
    Db db;

    @Test
    void aPasswordHashedWithOlderParametersIsUpgradedOnTheNextSuccessfulLogin() {
        Accounts.SignedUp account = Accounts.signUp();
        String old = Argon2idHash.compute(
                        Accounts.PASSWORD.getBytes(StandardCharsets.UTF_8),
                        "sixteen byte slt".getBytes(StandardCharsets.UTF_8),
                        4096,
                        1,
                        1,
                        32)
                .phc();
        db.sql("update account set password_hash = ?1 where id = ?2", old, account.id());

        account.login();

        String stored = (String) db.single("select password_hash from account where id = ?1", account.id());
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertTrue(Argon2idHash.parse(stored).matches(Accounts.PASSWORD.getBytes(StandardCharsets.UTF_8)));
        account.login(); // and the upgraded hash works
        assertEquals(
                stored,
                db.single("select password_hash from account where id = ?1", account.id()),
                "an up-to-date hash is left alone");
    }
}
