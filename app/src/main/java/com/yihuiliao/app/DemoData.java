package com.yihuiliao.app;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.command.catalogue.Catalogue;
import com.yihuiliao.command.schedule.SchedulePublisher;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the first start of the embedded default: a small hospital — departments, doctors and a
 * week of schedules — so a newcomer can book at once.
 */
@Component
@ConditionalOnExpression("${yihuiliao.demo-data:false} and '${yihuiliao.node.role:all}' != 'query'")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Catalogue catalogue;
    private final SchedulePublisher schedules;
    private final Environment environment;

    DemoData(Catalogue catalogue, SchedulePublisher schedules, Environment environment) {
        this.catalogue = catalogue;
        this.schedules = schedules;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String port = environment.getProperty("local.server.port", "8080");
        log.info("API docs: http://localhost:{}/swagger-ui.html (OpenAPI JSON at /v3/api-docs), health at /actuator/health",
                port);
        if (!catalogue.isEmpty()) {
            return;
        }
        catalogue.saveDepartment("internal", null, "内科", "Internal medicine", 1);
        catalogue.saveDepartment("cardiology", "internal", "心血管内科", "Heart and blood vessels", 1);
        catalogue.saveDepartment("respiratory", "internal", "呼吸内科", "Lungs and airways", 2);
        catalogue.saveDepartment("surgery", null, "外科", "Surgery", 2);
        catalogue.saveDepartment("orthopedics", "surgery", "骨科", "Bones and joints", 1);
        catalogue.saveDoctor("dr-zhang", "cardiology", "张伟", "主任医师", "冠心病、高血压",
                "Thirty years in cardiology.", null, 5000);
        catalogue.saveDoctor("dr-li", "cardiology", "李娜", "副主任医师", "心律失常", "Arrhythmia clinic.", null, 3000);
        catalogue.saveDoctor("dr-wang", "respiratory", "王芳", "主治医师", "慢阻肺、哮喘", "Asthma and COPD.", null, 2000);
        catalogue.saveDoctor("dr-chen", "orthopedics", "陈强", "主任医师", "关节置换", "Joint replacement.", null, 5000);
        catalogue.saveDoctor("dr-free", "respiratory", "义诊医生", "医师", "义诊", "Free consultation.", null, 0);
        LocalDate today = LocalDate.now(Clocks.HOSPITAL_ZONE);
        int published = 0;
        for (int day = 0; day < 7; day++) {
            for (String doctor : new String[]{"dr-zhang", "dr-li", "dr-wang", "dr-chen", "dr-free"}) {
                for (Period period : new Period[]{Period.MORNING, Period.AFTERNOON}) {
                    schedules.publish(doctor, today.plusDays(day), period, 20, null);
                    published++;
                }
            }
        }
        log.info("Demo data: 5 departments, 5 doctors and {} schedules over the next 7 days", published);
    }
}
