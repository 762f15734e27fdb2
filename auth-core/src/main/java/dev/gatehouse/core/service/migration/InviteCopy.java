package dev.gatehouse.core.service.migration;

import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.port.out.InviteStore;
import dev.gatehouse.core.service.migration.CopyStores.Progress;
import dev.gatehouse.core.service.migration.CopyStoresResult.Counts;
import dev.gatehouse.core.service.migration.CopyWalk.Tally;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The invite phase of {@link CopyStores}. Invites are found by the digest of their code under the
 * token key, so none is copied when the target has a token key of its own. An invite the target has
 * keeps its uses; a revocation in the source carries over.
 */
final class InviteCopy {

    private final CopyWalk walker;

    InviteCopy(CopyWalk walker) {
        this.walker = walker;
    }

    Counts copy(InviteStore from, InviteStore to, boolean tokenKeyDiffers, Progress progress, List<String> warnings) {
        Tally tally = new Tally();
        long[] unusable = {0};
        walker.walk(CopyStores.INVITES, -1, progress, tally, from::page, Invite::id, Comparator.naturalOrder(),
                invite -> {
                    Optional<Invite> present = to.find(invite.id());
                    if (present.isPresent()) {
                        if (invite.revokedAt().isPresent() && present.get().revokedAt().isEmpty()) {
                            to.revoke(invite.id(), invite.revokedAt().get());
                            tally.replaced++;
                        } else {
                            tally.alreadyPresent++;
                        }
                    } else if (tokenKeyDiffers) {
                        tally.skipped++;
                        unusable[0]++;
                    } else if (to.insert(invite)) {
                        tally.copied++;
                    } else {
                        tally.alreadyPresent++;
                    }
                });
        if (unusable[0] > 0) {
            warnings.add(unusable[0] + (unusable[0] == 1 ? " invite was" : " invites were") + " not copied: the"
                    + " target has its own " + CopyStores.TOKEN_KEY + ", which would not recognise their codes.");
        }
        return tally.counts();
    }
}
