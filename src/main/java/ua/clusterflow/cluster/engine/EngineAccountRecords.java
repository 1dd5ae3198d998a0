package ua.clusterflow.cluster.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ua.clusterflow.cluster.AccountRecords;
import ua.clusterflow.cluster.DatabaseText;

/** A person's account in the engine's identity service and the engine's tables that name them. */
@Service
class EngineAccountRecords implements AccountRecords {

    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final DatabaseText text;

    EngineAccountRecords(IdentityService identity, JdbcClient jdbc, DatabaseText text) {
        this.identity = identity;
        this.jdbc = jdbc;
        this.text = text;
    }

    @Override
    public boolean holds(String table) {
        return table.startsWith("act_");
    }

    @Override
    public Map<String, Object> account(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("login", user.getId());
        account.put("firstName", user.getFirstName());
        account.put("lastName", user.getLastName());
        account.put("email", user.getEmail());
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : identity.getUserInfoKeys(userId)) {
            settings.put(key, identity.getUserInfo(userId, key));
        }
        account.put("settings", settings);
        account.put("groups", identity.createGroupQuery().groupMember(userId).listPage(0, 1000).stream().map(Group::getId).toList());
        account.put("clusters", identity.createTenantQuery().userMember(userId).listPage(0, 1000).stream().map(Tenant::getId)
                .toList());
        return account;
    }

    @Override
    public void erase(String userId, String erasedId, List<String> texts, String erasedName) {
        for (Group group : identity.createGroupQuery().groupMember(userId).listPage(0, 1000)) {
            identity.deleteMembership(userId, group.getId());
        }
        for (Tenant tenant : identity.createTenantQuery().userMember(userId).listPage(0, 1000)) {
            identity.deleteTenantUserMembership(tenant.getId(), userId);
        }
        for (String key : identity.getUserInfoKeys(userId)) {
            identity.deleteUserInfo(userId, key);
        }
        jdbc.sql("""
                update act_id_user set first_ = ?, last_ = ?, email_ = ?, pwd_ = null, salt_ = null, attempts_ = 0,
                    lock_exp_time_ = null where id_ = ?""")
                .params(erasedName, erasedName, erasedId + "@erased.invalid", userId).update();
        text.replace(text.tables(this::holds), userId, erasedId, texts, erasedName);
    }
}
