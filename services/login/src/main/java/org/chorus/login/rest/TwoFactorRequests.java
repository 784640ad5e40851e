package org.chorus.login.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.chorus.login.service.InvalidFieldException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the 2FA endpoints. None of them prints its secrets. */
public final class TwoFactorRequests {

    static final String SIX_DIGITS = "\\d{6}";

    private TwoFactorRequests() {}

    /** Exactly one of a TOTP code and a recovery code. */
    static void requireOneFactor(String code, String recoveryCode) {
        if ((code == null) == (recoveryCode == null)) {
            throw new InvalidFieldException("code", "give either code or recoveryCode (exactly one)");
        }
    }

    /** The second step of a login. */
    public record SecondStep(
            @NotBlank @Size(max = 100) String challenge,

            @Pattern(regexp = SIX_DIGITS, message = "must be 6 digits") @Schema(example = "123456")
            String code,

            @Size(min = 1, max = 64) @Schema(example = "abcd-efgh-ijkm-nopq")
            String recoveryCode) {
        @Override
        public String toString() {
            return "SecondStep[]";
        }
    }

    public record Password(@NotNull @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "Password[]";
        }
    }

    public record Code(
            @NotNull @Pattern(regexp = SIX_DIGITS, message = "must be 6 digits") @Schema(example = "123456")
            String code) {
        @Override
        public String toString() {
            return "Code[]";
        }
    }

    /** The password and a current code (or a recovery code), for disabling or new recovery codes. */
    public record PasswordAndCode(
            @NotNull @Size(max = 1024) String password,

            @Pattern(regexp = SIX_DIGITS, message = "must be 6 digits")
            String code,

            @Size(min = 1, max = 64) String recoveryCode) {
        @Override
        public String toString() {
            return "PasswordAndCode[]";
        }
    }
}
