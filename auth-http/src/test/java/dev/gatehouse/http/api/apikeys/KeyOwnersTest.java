package dev.gatehouse.http.api.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.http.pages.ApiKeysPage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyOwnersTest {

    /** 2,500 accounts u0000 to u2499; every third is locked. */
    private static final List<User> ACCOUNTS = IntStream.range(0, 2500).mapToObj(KeyOwnersTest::account).toList();

    @Test
    void theApiGetsEveryActiveUserAcrossPages() {
        KeyOwners.Found found = new KeyOwners(pages(ACCOUNTS)).active(Actor.operator(), KeyOwners.ALL).orElseThrow();

        assertEquals(ACCOUNTS.stream().filter(u -> u.status().isActive()).toList(), found.users());
        assertTrue(found.complete());
    }

    @Test
    void thePageReadsOneLimitOfAccountsAndSaysWhenThereAreMore() {
        KeyOwners.Found found = new KeyOwners(pages(ACCOUNTS)).active(Actor.operator(), ApiKeysPage.MAX_OWNERS).orElseThrow();

        assertEquals(667, found.users().size(), "the active ones among the first 1000");
        assertEquals("u0999", found.names().get(found.names().size() - 1));
        assertFalse(found.complete());
        assertTrue(new KeyOwners(pages(ACCOUNTS.subList(0, 10))).active(Actor.operator(), ApiKeysPage.MAX_OWNERS)
                .orElseThrow().complete());
    }

    @Test
    void whoMayNotListUsersGetsNone() {
        ListUsers refusing = new ListUsers() {
            @Override
            public Result list(Actor actor) {
                return Refused.adminsOnly();
            }

            @Override
            public Result page(Actor actor, Optional<Username> after, int limit) {
                return Refused.adminsOnly();
            }
        };
        assertEquals(Optional.empty(), new KeyOwners(refusing).active(Actor.operator(), KeyOwners.ALL));
    }

    private static User account(int i) {
        UserStatus status = i % 3 == 1 ? new UserStatus.Locked("away", Optional.empty()) : UserStatus.ACTIVE;
        return new User(Username.of(String.format("u%04d", i)), Optional.empty(), Set.of(Role.USER), status,
                Instant.EPOCH, Optional.empty());
    }

    /** Pages of {@code accounts} (already in name order), as core gives them. */
    private static ListUsers pages(List<User> accounts) {
        return new ListUsers() {
            @Override
            public Result list(Actor actor) {
                return new Listed(accounts);
            }

            @Override
            public Result page(Actor actor, Optional<Username> after, int limit) {
                int from = after.map(name -> (int) accounts.stream().filter(u -> u.username().compareTo(name) <= 0)
                        .count()).orElse(0);
                int to = Math.min(accounts.size(), from + limit);
                Optional<Username> next = to < accounts.size() ? Optional.of(accounts.get(to - 1).username()) : Optional.empty();
                return new Page(accounts.subList(from, to), next, accounts.size());
            }
        };
    }
}
