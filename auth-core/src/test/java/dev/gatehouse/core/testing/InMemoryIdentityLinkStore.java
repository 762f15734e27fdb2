package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** An {@link IdentityLinkStore} in a sorted map: for service tests and as the reference the contract suite runs on. */
public final class InMemoryIdentityLinkStore implements IdentityLinkStore {

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::provider).thenComparing(Key::subject);

    private final TreeMap<Key, IdentityLink> links = new TreeMap<>(ORDER);

    @Override
    public synchronized boolean insert(IdentityLink link) {
        return links.putIfAbsent(Key.of(link), link) == null;
    }

    @Override
    public synchronized Optional<IdentityLink> find(ProviderName provider, String subject) {
        return Optional.ofNullable(links.get(new Key(provider, subject)));
    }

    @Override
    public synchronized List<IdentityLink> listFor(Username username) {
        return links.values().stream().filter(link -> link.username().equals(username))
                .sorted(Comparator.comparing(IdentityLink::linkedAt).thenComparing(Key::of, ORDER))
                .toList();
    }

    @Override
    public synchronized List<IdentityLink> page(Optional<Key> after, int limit) {
        return (after.isEmpty() ? links : links.tailMap(after.get(), false)).values().stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<IdentityLink> update(ProviderName provider, String subject,
                                                      UnaryOperator<IdentityLink> change) {
        Key key = new Key(provider, subject);
        IdentityLink current = links.get(key);
        if (current == null) {
            return Optional.empty();
        }
        IdentityLink changed = change.apply(current);
        if (!Key.of(changed).equals(key) || !changed.username().equals(current.username())) {
            throw new IllegalArgumentException("An update cannot move a link to another identity or account.");
        }
        links.put(key, changed);
        return Optional.of(changed);
    }

    @Override
    public synchronized boolean delete(ProviderName provider, String subject, Username username) {
        Key key = new Key(provider, subject);
        IdentityLink current = links.get(key);
        return current != null && current.username().equals(username) && links.remove(key) != null;
    }

    @Override
    public synchronized int deleteAllFor(Username username) {
        List<Key> theirs = links.values().stream().filter(link -> link.username().equals(username)).map(Key::of).toList();
        theirs.forEach(links::remove);
        return theirs.size();
    }
}
