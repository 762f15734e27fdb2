package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.Principal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a caller may use a feature and a model: the user's rights (administrators have
 * all) narrowed by the scopes of the key they came with. Checked on every request, so a change
 * applies to the next one; when the rights cannot be read the answer is no.
 */
public interface Authorize {

    /** The decision for one question. */
    default Decision authorize(Query query) {
        return authorizeAll(List.of(query));
    }

    /**
     * The decision for several questions about one request of one user (each feature, each model
     * it names): the first denial in order, else allowed. The user's settings are read at most once.
     */
    Decision authorizeAll(List<Query> queries);

    /**
     * The decision when it needs nothing from a store (no feature and no model asked, an
     * administrator, or a key whose scopes refuse already); empty when the store must be read.
     */
    Optional<Decision> withoutStore(Query query);

    /**
     * The decision without reading the store: {@link #withoutStore}'s, or else the one the user's
     * settings give as a check read them before, while the store tells that nothing changed since;
     * empty when the store must be read ({@link #authorize}). Never a decision from settings that
     * may be out of date.
     */
    default Optional<Decision> fromMemory(Query query) {
        return fromMemoryAll(List.of(query));
    }

    /** {@link #fromMemory} for the questions of {@link #authorizeAll}: empty if any needs the store. */
    Optional<Decision> fromMemoryAll(List<Query> queries);

    /**
     * Who asks, with which key scopes (empty: no narrowing), for which feature and which model;
     * nothing asked for is not checked. {@code modelUnseen} says the request may well name a model
     * that Gatehouse could not see (a POST whose body the proxy did not forward, a body that names
     * none or cannot be read with certainty): a caller limited to some models is then refused
     * rather than let through unchecked. {@code unrestrictedOnly} says the request may use
     * anything (a route no rule maps to a feature): only a caller with no restriction at all
     * passes (no key scope, every feature, every model).
     */
    record Query(User user, Set<String> scopes, Optional<String> feature, Optional<String> model,
                 boolean modelUnseen, boolean unrestrictedOnly) {
        public Query {
            Objects.requireNonNull(user, "user");
            scopes = ApiKey.checkedScopes(scopes);
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(model, "model");
            modelUnseen = modelUnseen && model.isEmpty();
        }

        /** A question about a feature and a model, one of which may not have been seen. */
        public Query(User user, Set<String> scopes, Optional<String> feature, Optional<String> model,
                     boolean modelUnseen) {
            this(user, scopes, feature, model, modelUnseen, false);
        }

        /** Whether the caller has no restriction at all. */
        public static Query unrestricted(User user, Set<String> scopes) {
            return new Query(user, scopes, Optional.empty(), Optional.empty(), false, true);
        }

        /** A request whose model, if it has one, is known. */
        public Query(User user, Set<String> scopes, Optional<String> feature, Optional<String> model) {
            this(user, scopes, feature, model, false);
        }

        public static Query of(Principal principal, Optional<String> feature, Optional<String> model) {
            return new Query(principal.user(), principal.scopes(), feature, model);
        }
    }

    /** Allowed or denied. */
    sealed interface Decision permits Allowed, Denied {
    }

    /** The request may go on. */
    record Allowed() implements Decision {
    }

    /**
     * The request must not go on: {@code refused} says what (a feature, a model, a route only
     * callers without restrictions may use, or everything when the rights could not be read),
     * {@code subject} its name, and {@code message} why, for a person to act on.
     */
    record Denied(What refused, String subject, String message) implements Decision {
        public Denied {
            Objects.requireNonNull(refused, "refused");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(message, "message");
        }
    }

    /** What a denial is about. */
    enum What { FEATURE, MODEL, ROUTE, UNREADABLE }
}
