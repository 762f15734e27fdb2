package dev.gatehouse.store.json;

import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.InviteId;
import dev.gatehouse.core.port.out.InviteStore;
import dev.gatehouse.store.json.StoreFile.Change;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Invites in gatehouse-invites.json, always mode 0600. A use is a read-modify-write under the directory's
 * lock, so no number of processes can take more uses than an invite has.
 */
final class JsonInviteStore implements InviteStore {

    private static final Comparator<Invite> NEWEST_FIRST =
            Comparator.comparing(Invite::createdAt).reversed().thenComparing(Invite::id);

    private final StoreFile<InvitesDocument> file;

    JsonInviteStore(StoreDirectory directory) {
        this.file = new StoreFile<>(directory, InvitesDocument.FILE_NAME, InvitesDocument.CODEC, true);
    }

    @Override
    public boolean insert(Invite invite) {
        Objects.requireNonNull(invite, "invite");
        return file.change(invites -> invites.find(invite.id()).isPresent()
                || invites.findByDigest(invite.digest()).isPresent()
                ? Change.keep(false) : Change.write(invites.with(invite), true));
    }

    @Override
    public Optional<Invite> find(InviteId id) {
        return file.read().find(id);
    }

    @Override
    public Optional<Invite> findByDigest(String digest) {
        return file.read().findByDigest(digest);
    }

    @Override
    public List<Invite> list() {
        return file.read().all().stream().sorted(NEWEST_FIRST).toList();
    }

    @Override
    public List<Invite> page(Optional<InviteId> after, int limit) {
        List<Invite> byId = file.read().all().stream().sorted(Comparator.comparing(Invite::id)).toList();
        return Pages.after(byId, Invite::id, Comparator.naturalOrder(), after, limit);
    }

    @Override
    public Optional<Invite> recordUse(InviteId id, Invite.Use use) {
        Objects.requireNonNull(use, "use");
        return file.change(invites -> {
            Optional<Invite> current = invites.find(id);
            if (current.isEmpty() || !current.get().usable(use.at())) {
                return Change.keep(Optional.<Invite>empty());
            }
            Invite used = current.get().usedBy(use);
            return Change.write(invites.with(used), Optional.of(used));
        });
    }

    @Override
    public Optional<Invite> revoke(InviteId id, Instant at) {
        return file.change(invites -> {
            Optional<Invite> current = invites.find(id);
            if (current.isEmpty()) {
                return Change.keep(Optional.<Invite>empty());
            }
            Invite revoked = current.get().revoked(at);
            return revoked.equals(current.get()) ? Change.keep(Optional.of(revoked))
                    : Change.write(invites.with(revoked), Optional.of(revoked));
        });
    }
}
