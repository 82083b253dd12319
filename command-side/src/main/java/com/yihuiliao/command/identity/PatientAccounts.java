package com.yihuiliao.command.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** WeChat users' accounts, found or created by openid. The account id is the tokens' subject. */
@Component
class PatientAccounts {

    private static final Logger log = LoggerFactory.getLogger(PatientAccounts.class);

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

    /** Binds the number WeChat verified for this account's user (never one the client typed). */
    void bindPhone(String accountId, WeChatPhoneNumbers.PhoneNumber phone) {
        jdbc.update("UPDATE user_account SET phone = ? WHERE id = ?", phone.number(), accountId);
        log.info("Account {} bound phone {}", accountId, phone.masked());
    }
}
