package dev.stride.groupprogress.group;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.api.cassandra.Cql;
import dev.stride.api.web.ApiException;
import dev.stride.schema.StrideTables;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tables groups ((tenant, group_id)), group_members ((tenant, group_id), user_id), user_groups ((tenant, user_id), group_id). */
@Repository
public class GroupRepository {

    // Two ~150-byte rows per member: 20 members keep a batch near the 5 KiB warning, far from the 50 KiB refusal.
    static final int MEMBERS_PER_BATCH = 20;

    private final CqlSession session;
    private final PreparedStatement findGroup;
    private final PreparedStatement findMembers;
    private final PreparedStatement insertGroup;
    private final PreparedStatement upsertMember;
    private final PreparedStatement upsertUserGroup;
    private final PreparedStatement deleteMember;
    private final PreparedStatement deleteUserGroup;
    private final PreparedStatement touchGroup;

    public GroupRepository(CqlSession session) {
        this.session = session;
        this.findGroup = session.prepare("SELECT group_id, name, description, status, created_by, created_at, updated_at,"
                + " activities FROM " + StrideTables.GROUPS + " WHERE tenant = ? AND group_id = ?");
        this.findMembers = session.prepare("SELECT user_id, name, role, status, added_by, added_at FROM "
                + StrideTables.GROUP_MEMBERS + " WHERE tenant = ? AND group_id = ?");
        this.insertGroup = session.prepare("INSERT INTO " + StrideTables.GROUPS + " (tenant, group_id, name, description,"
                + " status, created_by, created_at, updated_at, activities) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.upsertMember = session.prepare("INSERT INTO " + StrideTables.GROUP_MEMBERS + " (tenant, group_id, user_id,"
                + " role, status, name, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.upsertUserGroup = session.prepare("INSERT INTO " + StrideTables.USER_GROUPS + " (tenant, user_id, group_id,"
                + " role, status, group_name, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.deleteMember = session.prepare("DELETE FROM " + StrideTables.GROUP_MEMBERS
                + " WHERE tenant = ? AND group_id = ? AND user_id = ?");
        this.deleteUserGroup = session.prepare("DELETE FROM " + StrideTables.USER_GROUPS
                + " WHERE tenant = ? AND user_id = ? AND group_id = ?");
        this.touchGroup = session.prepare("UPDATE " + StrideTables.GROUPS + " SET updated_at = ?"
                + " WHERE tenant = ? AND group_id = ?");
    }

    /** The group and its members, or 404 when the tenant has no such group (another tenant's group looks the same). */
    public Mono<GroupData> load(String tenant, String groupId) {
        Mono<Group> group = Cql.one(session, findGroup.bind(tenant, groupId)).map(GroupRepository::group);
        Mono<List<Member>> members = Cql.rows(session, findMembers.bind(tenant, groupId))
                .map(GroupRepository::member).collectList();
        return Mono.zip(group, members, GroupData::new)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("GROUP_NOT_FOUND", "no group " + groupId)));
    }

    /**
     * Members first, in batches of {@link #MEMBERS_PER_BATCH} (a logged batch keeps each member's two rows in step),
     * the group row last: a create that fails half way leaves no visible group, and a retry creates a new one.
     */
    public Mono<Void> create(String tenant, Group g, List<Member> members) {
        return Flux.fromIterable(chunks(members))
                .concatMap(chunk -> {
                    BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
                    chunk.forEach(m -> addMember(batch, tenant, g, m));
                    return Cql.execute(session, batch.build());
                })
                .then(Cql.execute(session, insertGroup.bind(tenant, g.groupId(), g.name(), g.description(), g.status(),
                        g.createdBy(), g.createdAt(), g.updatedAt(), g.activities())));
    }

    /** Adds or re-roles members and removes others, in member batches as {@link #create}; then marks the group updated. */
    public Mono<Void> changeMembers(String tenant, Group g, List<Member> upserts, List<String> removals) {
        List<BatchStatement> batches = new ArrayList<>();
        for (List<Member> chunk : chunks(upserts)) {
            BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
            chunk.forEach(m -> addMember(batch, tenant, g, m));
            batches.add(batch.build());
        }
        for (List<String> chunk : chunks(removals)) {
            BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
            chunk.forEach(userId -> batch.addStatement(deleteMember.bind(tenant, g.groupId(), userId))
                    .addStatement(deleteUserGroup.bind(tenant, userId, g.groupId())));
            batches.add(batch.build());
        }
        return Flux.fromIterable(batches).concatMap(b -> Cql.execute(session, b))
                .then(Cql.execute(session, touchGroup.bind(Instant.now(), tenant, g.groupId())));
    }

    private static <E> List<List<E>> chunks(List<E> all) {
        List<List<E>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += MEMBERS_PER_BATCH) {
            out.add(all.subList(i, Math.min(all.size(), i + MEMBERS_PER_BATCH)));
        }
        return out;
    }

    private void addMember(BatchStatementBuilder batch, String tenant, Group g, Member m) {
        batch.addStatement(upsertMember.bind(tenant, g.groupId(), m.userId(), m.role(), m.status(), m.name(),
                        m.addedBy(), m.addedAt()))
                .addStatement(upsertUserGroup.bind(tenant, m.userId(), g.groupId(), m.role(), m.status(), g.name(),
                        m.addedAt()));
    }

    private static Group group(Row r) {
        Map<String, String> activities = new TreeMap<>(r.getMap("activities", String.class, String.class));
        return new Group(r.getString("group_id"), r.getString("name"), r.getString("description"),
                r.getString("status"), r.getString("created_by"), r.getInstant("created_at"),
                r.getInstant("updated_at"), activities);
    }

    private static Member member(Row r) {
        return new Member(r.getString("user_id"), r.getString("name"), r.getString("role"), r.getString("status"),
                r.getString("added_by"), r.getInstant("added_at"));
    }
}
