package org.puente.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/**
 * Checks e-mail and password against the accounts table. The caller's name is the account id (stable
 * even if an address changes); the group is the account's role. An unknown address costs the same
 * hashing work as a wrong password, so timing does not tell them apart.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    @Inject
    Passwords passwords;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<Account> account = accounts.findByEmail(login.getCaller());
        if (account.isEmpty() || !account.get().isActive()) {
            passwords.burnTime(login.getPasswordAsString());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwords.verify(login.getPasswordAsString(), account.get().getPasswordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(
                String.valueOf(account.get().getId()),
                Set.of(account.get().getRole().name()));
    }
}
