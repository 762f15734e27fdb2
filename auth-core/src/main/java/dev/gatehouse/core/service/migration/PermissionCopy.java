package dev.gatehouse.core.service.migration;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.service.migration.CopyStoresResult.Counts;
import dev.gatehouse.core.service.migration.CopyWalk.Tally;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The permissions phase of {@link CopyStores}: a user's settings are copied when the target has
 * none; settings that differ in the target are replaced when the user moved in this run (or when
 * replacing), else kept, as the target's user may have been given other rights there since.
 */
final class PermissionCopy {

    private PermissionCopy() {
    }

    static Counts copy(PermissionStore from, PermissionStore to, Set<Username> moved, boolean replaceExisting,
                       CopyStores.Progress progress, List<String> warnings) {
        Map<Username, Permissions> all = from.all();
        Tally tally = new Tally();
        progress.update(CopyStores.PERMISSIONS, 0, all.size());
        all.forEach((username, permissions) -> {
            Optional<Permissions> current = to.find(username);
            if (current.equals(Optional.of(permissions))) {
                tally.alreadyPresent++;
            } else if (current.isEmpty()) {
                to.put(username, permissions);
                tally.copied++;
            } else if (replaceExisting || moved.contains(username)) {
                to.put(username, permissions);
                tally.replaced++;
            } else {
                tally.alreadyPresent++;
                tally.kept++;
            }
        });
        progress.update(CopyStores.PERMISSIONS, all.size(), all.size());
        if (tally.kept > 0) {
            warnings.add(tally.kept + (tally.kept == 1 ? " user has" : " users have") + " other permissions in the"
                    + " target (changed there since an earlier copy?); the target's were kept. To overwrite with the"
                    + " source's, copy again with replacing on (--replace-existing).");
        }
        return tally.counts();
    }
}
