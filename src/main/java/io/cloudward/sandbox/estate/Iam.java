package io.cloudward.sandbox.estate;

import java.util.List;

/** IAM facts of an account. Role, group and policy counts only feed the account summary. */
public record Iam(RootUser root, PasswordPolicy passwordPolicy, List<IamUser> users, int roles, int groups,
                  int policies) {

    public Iam {
        root = root == null ? new RootUser(true, null, List.of()) : root;
        users = Lists.orEmpty(users);
    }

    public static Iam empty() {
        return new Iam(null, null, null, 0, 0, 0);
    }
}
