package org.sitrep.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sitrep.auth.AuditLog;
import org.sitrep.internal.Json;
import org.sitrep.store.StoreException;

/** The audit trail in the store's database (migration V3). Thread-safe. */
public final class JdbcAuditLog implements AuditLog {
    private final Jdbc db;

    public JdbcAuditLog(Jdbc db) { this.db = db; }

    @Override
    public long record(Entry e) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit(at, actor, address, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, e.at().toEpochMilli());
                ps.setString(2, e.actor());
                nullable(ps, 3, e.address());
                ps.setString(4, e.action());
                nullable(ps, 5, e.target());
                nullable(ps, 6, e.before() == null ? null : e.before().toString());
                nullable(ps, 7, e.after() == null ? null : e.after().toString());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    private static void nullable(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, v);
    }

    @Override
    public List<Entry> entries(String target, long beforeSeq, int limit) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT seq, at, actor, address, action, target, before_json, after_json FROM audit WHERE 1 = 1");
            if (target != null) sql.append(" AND target = ?");
            if (beforeSeq > 0) sql.append(" AND seq < ?");
            sql.append(" ORDER BY seq DESC LIMIT ?");
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (target != null) ps.setString(i++, target);
                if (beforeSeq > 0) ps.setLong(i++, beforeSeq);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), tree(rs.getString(7)), tree(rs.getString(8))));
                    }
                }
            }
            return out;
        });
    }

    private static JsonNode tree(String s) {
        if (s == null) return null;
        try {
            return Json.MAPPER.readTree(s);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt audit record: " + e.getOriginalMessage(), e);
        }
    }
}
