package dev.gatehouse.core;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.StoreException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The identity link store of a {@link UseCases} built without one: every call fails loudly, so a
 * wiring that forgot the links cannot sign anyone in through a provider by mistake.
 */
final class IdentityLinks {

    private IdentityLinks() {
    }

    static IdentityLinkStore notConfigured() {
        return new IdentityLinkStore() {
            @Override
            public boolean insert(IdentityLink link) {
                throw missing();
            }

            @Override
            public Optional<IdentityLink> find(ProviderName provider, String subject) {
                throw missing();
            }

            @Override
            public List<IdentityLink> listFor(Username username) {
                throw missing();
            }

            @Override
            public List<IdentityLink> page(Optional<Key> after, int limit) {
                throw missing();
            }

            @Override
            public Optional<IdentityLink> update(ProviderName provider, String subject,
                                                 UnaryOperator<IdentityLink> change) {
                throw missing();
            }

            @Override
            public boolean delete(ProviderName provider, String subject, Username username) {
                throw missing();
            }

            @Override
            public int deleteAllFor(Username username) {
                throw missing();
            }
        };
    }

    private static StoreException missing() {
        return new StoreException("This Gatehouse was built without a store for identity links; sign-in through"
                + " providers needs one (UseCases with an IdentityLinkStore).");
    }
}
