package org.chorus.login.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();
    private static final UsernamePolicy USERNAMES = new UsernamePolicy();

    @Test
    void theShippedListHasAtLeastTenThousandEntries() {
        assertTrue(POLICY.size() >= 10_000, "entries: " + POLICY.size());
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        for (String password :
                new String[] {"password", "12345678", "Baseball", "IloveYou", "qwertyuiop", "sunshine", "trustno1"}) {
            assertEquals(
                    PasswordPolicy.TOO_COMMON, POLICY.violation(password, "someone", "someone@example.org"), password);
        }
    }

    @Test
    void theUsernameOrEmailAsPasswordIsRefused() {
        assertEquals(PasswordPolicy.SAME_AS_IDENTITY, POLICY.violation("Ada.Lovelace", "ada.lovelace", "a@b.org"));
        assertEquals(PasswordPolicy.SAME_AS_IDENTITY, POLICY.violation("ada@example.org", "ada", "ADA@example.org"));
    }

    @Test
    void anUncommonPasswordPasses() {
        assertNull(POLICY.violation("a perfectly fine passphrase", "ada", "ada@example.org"));
        assertNull(POLICY.violation("Tr0ub4dor&3-but-longer", "ada", "ada@example.org"));
    }

    @Test
    void reservedUsernamesAreRecognisedThroughCaseAndSeparators() {
        assertTrue(USERNAMES.isReserved("admin"));
        assertTrue(USERNAMES.isReserved("Ad.Min"));
        assertTrue(USERNAMES.isReserved("sup_port"));
        assertTrue(USERNAMES.isReserved("root"));
        assertFalse(USERNAMES.isReserved("ada.lovelace"));
        assertFalse(USERNAMES.isReserved("administrators_club"));
    }
}
