package com.yihuiliao.app;

import com.yihuiliao.api.access.Roles;
import com.yihuiliao.api.audit.Actor;
import com.yihuiliao.api.audit.ActorKind;
import com.yihuiliao.command.integration.IntegrationClient;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Every command names its actor. One sent while another message is handled already carries it (Axon merges the
 * unit of work's correlation data, the command side's {@code ActorCorrelation}); one sent for a request names the
 * caller of Spring Security's context — the patient's account or the staff member and role, ids only; anything
 * else is the system: an unauthenticated request (WeChat Pay's notifications) or background work (sweeps).
 */
class ActorFromCaller implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.getMetaData().containsKey(Actor.KIND) ? command
                : command.andMetaData(caller(SecurityContextHolder.getContext().getAuthentication()).toMetaData());
    }

    static Actor caller(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Actor.system(RequestContextHolder.getRequestAttributes() != null ? "EXTERNAL_CALL" : "BACKGROUND");
        }
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(name -> name.startsWith("ROLE_")).map(name -> name.substring(5)).sorted().toList();
        if (roles.contains(Roles.PATIENT)) {
            return Actor.patient(authentication.getName());
        }
        if (roles.contains(IntegrationClient.ROLE)) {
            return new Actor(ActorKind.SYSTEM, authentication.getPrincipal() instanceof IntegrationClient client
                    ? client.clientId() : null, null, IntegrationClient.ROLE, null);
        }
        return Actor.staff(authentication.getName(), roles.isEmpty() ? null : String.join(",", roles));
    }
}
