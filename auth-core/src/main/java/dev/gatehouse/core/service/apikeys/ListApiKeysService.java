package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.in.ListApiKeys;
import dev.gatehouse.core.port.out.ApiKeyStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Lists keys: users their own, administrators anyone's plus the configured ones. */
public final class ListApiKeysService implements ListApiKeys {

    /** The listing order: newest first, ties by id. */
    static final Comparator<ApiKey> NEWEST_FIRST =
            Comparator.comparing(ApiKey::createdAt).reversed().thenComparing(ApiKey::id);

    private static final int PAGE = 1000;

    private final ApiKeyStore keys;
    private final List<ApiKey> configured;
    private final Optional<LastUsedRecorder> lastUsed;

    /** {@code configured}: the static keys from configuration, as {@link StaticKeys#listed()} gives them. */
    public ListApiKeysService(ApiKeyStore keys, List<ApiKey> configured) {
        this(keys, configured, Optional.empty());
    }

    /**
     * Also showing the uses {@code lastUsed} noted but has not written yet, so a key used a moment
     * ago is listed as used (a server's listing; the store is written every 30 seconds).
     */
    public ListApiKeysService(ApiKeyStore keys, List<ApiKey> configured, Optional<LastUsedRecorder> lastUsed) {
        this.keys = keys;
        this.configured = List.copyOf(configured);
        this.lastUsed = lastUsed;
    }

    @Override
    public Result list(Actor actor, Optional<Username> owner) {
        Optional<Optional<Username>> whose = KeyRules.scope(actor, owner);
        if (whose.isEmpty()) {
            return KeyRules.othersKeys();
        }
        List<ApiKey> found = new ArrayList<>(whose.get().map(keys::listByOwner).orElseGet(this::everyone));
        if (actor.admin()) {
            configured.stream().filter(k -> whose.get().map(k.owner()::equals).orElse(true)).forEach(found::add);
        }
        lastUsed.ifPresent(recorder -> found.replaceAll(recorder::withUnwrittenUse));
        found.sort(NEWEST_FIRST);
        return new Listed(found);
    }

    private List<ApiKey> everyone() {
        List<ApiKey> all = new ArrayList<>();
        Optional<ApiKeyId> after = Optional.empty();
        for (List<ApiKey> page = keys.page(after, PAGE); !page.isEmpty(); page = keys.page(after, PAGE)) {
            all.addAll(page);
            after = Optional.of(page.get(page.size() - 1).id());
        }
        return all;
    }
}
