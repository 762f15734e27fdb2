package dev.gatehouse.store.json;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.store.json.StoreFile.Change;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Links to providers' identities in {@value IdentitiesDocument#FILE_NAME}, always mode 0600: who
 * may sign in as whom is nobody else's business. Every change is a read-modify-write under the
 * directory's lock, so of two processes linking one identity exactly one succeeds.
 */
final class JsonIdentityLinkStore implements IdentityLinkStore {

    private static final Comparator<IdentityLink> OLDEST_FIRST =
            Comparator.comparing(IdentityLink::linkedAt).thenComparing(Key::of, IdentitiesDocument.ORDER);

    private final StoreFile<IdentitiesDocument> file;

    JsonIdentityLinkStore(StoreDirectory directory) {
        this.file = new StoreFile<>(directory, IdentitiesDocument.FILE_NAME, IdentitiesDocument.CODEC, true);
    }

    @Override
    public boolean insert(IdentityLink link) {
        Objects.requireNonNull(link, "link");
        return file.change(links -> links.find(Key.of(link)) != null
                ? Change.keep(false) : Change.write(links.with(link), true));
    }

    @Override
    public Optional<IdentityLink> find(ProviderName provider, String subject) {
        return Optional.ofNullable(file.read().find(new Key(provider, subject)));
    }

    @Override
    public List<IdentityLink> listFor(Username username) {
        return file.read().all().stream().filter(link -> link.username().equals(username)).sorted(OLDEST_FIRST).toList();
    }

    @Override
    public List<IdentityLink> page(Optional<Key> after, int limit) {
        return Pages.after(file.read().all(), Key::of, IdentitiesDocument.ORDER, after, limit);
    }

    @Override
    public Optional<IdentityLink> update(ProviderName provider, String subject, UnaryOperator<IdentityLink> change) {
        Objects.requireNonNull(change, "change");
        Key key = new Key(provider, subject);
        return file.change(links -> {
            IdentityLink current = links.find(key);
            if (current == null) {
                return Change.keep(Optional.<IdentityLink>empty());
            }
            IdentityLink changed = Objects.requireNonNull(change.apply(current), "changed link");
            if (!Key.of(changed).equals(key) || !changed.username().equals(current.username())) {
                throw new IllegalArgumentException("An update cannot move the " + provider + " identity '" + subject
                        + "' of '" + current.username() + "' to another identity or account.");
            }
            return changed.equals(current) ? Change.keep(Optional.of(changed))
                    : Change.write(links.with(changed), Optional.of(changed));
        });
    }

    @Override
    public boolean delete(ProviderName provider, String subject, Username username) {
        Key key = new Key(provider, subject);
        return file.change(links -> {
            IdentityLink current = links.find(key);
            return current == null || !current.username().equals(username)
                    ? Change.keep(false) : Change.write(links.without(List.of(key)), true);
        });
    }

    @Override
    public int deleteAllFor(Username username) {
        return file.change(links -> {
            List<Key> theirs = links.all().stream().filter(link -> link.username().equals(username)).map(Key::of).toList();
            return theirs.isEmpty() ? Change.keep(0) : Change.write(links.without(theirs), theirs.size());
        });
    }
}
