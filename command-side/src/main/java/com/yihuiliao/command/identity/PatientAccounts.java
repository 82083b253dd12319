package com.yihuiliao.command.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** WeChat users' accounts, found or created by openid. The account id is the tokens' subject. */
@Component
class PatientAccounts {

    private final JdbcTemplate jdbc;

    PatientAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String findOrCreate(WeChatLogin.Session session) {
        String existing = find(session.openid());
        if (existing != null) {
            return existing;
        }
        String id = UUID.randomUUID().toString();
        try {
            jdbc.update("INSERT INTO user_account (id, openid, unionid, created_at) VALUES (?, ?, ?, ?)",
                    id, session.openid(), session.unionid(), Timestamp.from(Instant.now()));
            return id;
        } catch (DuplicateKeyException loggedInTwiceAtOnce) {
            return find(session.openid());
        }
    }

    private String find(String openid) {
        List<String> ids = jdbc.queryForList("SELECT id FROM user_account WHERE openid = ?", String.class, openid);
        return ids.isEmpty() ? null : ids.get(0);
    }

    void bindPhone(String accountId, String phone) {
        jdbc.update("UPDATE user_account SET phone = ? WHERE id = ?", phone, accountId);
    }
}
