package dev.gatehouse.core.service.migration;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.IdentityLinkStore.Key;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.migration.CopyStores.Progress;
import dev.gatehouse.core.service.migration.CopyStoresResult.Counts;
import dev.gatehouse.core.service.migration.CopyWalk.Tally;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The identity-link phase of {@link CopyStores}. A link is a way in, so it moves with its user's
 * copy in this run only, as sessions do: a link disconnected in the target since an earlier copy
 * must not come back and let that identity in again. Replacing (the source wins) also restores the
 * links of users the target has. A link the target gives to another account is never moved.
 */
final class IdentityLinkCopy {

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::provider).thenComparing(Key::subject);

    private final CopyWalk walker;

    IdentityLinkCopy(CopyWalk walker) {
        this.walker = walker;
    }

    Counts copy(IdentityLinkStore from, IdentityLinkStore to, UserStore targetUsers, Set<Username> moved,
                boolean replaceExisting, Progress progress, List<String> warnings) {
        Tally tally = new Tally();
        long[] elsewhere = {0};
        long[] left = {0};
        walker.walk(CopyStores.IDENTITIES, -1, progress, tally, from::page, Key::of, ORDER, link -> {
            boolean sourceWins = moved.contains(link.username()) || replaceExisting;
            Optional<IdentityLink> present = to.find(link.provider(), link.subject());
            if (present.isPresent() && !present.get().username().equals(link.username())) {
                tally.alreadyPresent++;
                elsewhere[0]++;
            } else if (present.isPresent()) {
                if (present.get().equals(link) || !sourceWins) {
                    tally.alreadyPresent++;
                } else if (to.update(link.provider(), link.subject(), current -> link).isPresent()) {
                    tally.replaced++;
                } else {
                    tally.skipped++;
                    left[0]++;
                }
            } else if (!sourceWins || targetUsers.find(link.username()).isEmpty()) {
                tally.skipped++;
                left[0]++;
            } else if (to.insert(link)) {
                tally.copied++;
            } else {
                tally.alreadyPresent++;
                elsewhere[0]++;
            }
        });
        if (elsewhere[0] > 0) {
            warnings.add(elsewhere[0] + (elsewhere[0] == 1 ? " identity is" : " identities are") + " linked to"
                    + " another account in the target than in the source; the target's links were kept (see"
                    + " gatehouse user show NAME there).");
        }
        if (left[0] > 0) {
            warnings.add(left[0] + (left[0] == 1 ? " identity link was" : " identity links were") + " not copied:"
                    + " their users were copied by an earlier run (a link disconnected in the target since must not"
                    + " come back) or are not in the target. To copy them anyway, copy again with replacing on"
                    + " (--replace-existing).");
        }
        return tally.counts();
    }
}
