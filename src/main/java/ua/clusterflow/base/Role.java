package ua.clusterflow.base;

import java.util.Locale;

/** What a person does in one cluster. Each role is an engine group named {@code <cluster>-<role>}. */
public enum Role {
    COORDINATOR, BOARD, CHAIR, MEMBER;

    public String groupOf(String clusterId) {
        return clusterId + "-" + name().toLowerCase(Locale.ROOT);
    }

    /** The role behind a group id of the form {@code <cluster>-<role>}, or null for other groups. */
    public static Role ofGroup(String groupId, String clusterId) {
        for (Role role : values()) {
            if (role.groupOf(clusterId).equals(groupId)) {
                return role;
            }
        }
        return null;
    }

    public static final String ADMIN_GROUP = "camunda-admin";
}
