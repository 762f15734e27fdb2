-- Sign-in through identity providers: which subject at which provider signs in to which account.
-- A (provider, subject) pair belongs to at most one account: the primary key refuses a second.
-- Subjects are the provider's own stable ids (an OIDC `sub`, GitHub's numeric id), compared
-- byte for byte. `login` and `email` are what the provider said at the last sign-in, for lists.
-- No foreign key to users, as for avatars and permissions: removing (or rejecting) a user removes
-- their links in the use case, and a copy between stores may write links before their users.

CREATE TABLE identity_links (
    provider     text COLLATE "C" NOT NULL,
    subject      text COLLATE "C" NOT NULL,
    username     text COLLATE "C" NOT NULL,
    login        text        NOT NULL,
    email        text,
    linked_at    timestamptz NOT NULL,
    last_used_at timestamptz,
    PRIMARY KEY (provider, subject)
);

-- An account's links, oldest first: My Account, `user show`, and removing the account.
CREATE INDEX identity_links_by_username ON identity_links (username, linked_at);
