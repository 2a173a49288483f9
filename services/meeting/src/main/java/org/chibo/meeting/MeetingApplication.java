package org.chibo.meeting;

import org.chibo.chassis.ChassisConfiguration;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.meeting.record.Meeting;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Meetings (sinh hoạt chi bộ) and their records. Publishes {@code meeting.events}; consumes {@code membership.events}. */
@SpringBootApplication
@Import(ChassisConfiguration.class)
public class MeetingApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeetingApplication.class, args);
    }

    @Bean
    Outbox.Collection meetingOutbox() {
        return new Outbox.Collection(Meeting.COLLECTION);
    }
}
