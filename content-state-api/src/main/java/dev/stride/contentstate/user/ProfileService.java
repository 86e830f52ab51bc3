package dev.stride.contentstate.user;

import dev.stride.contentstate.enrolment.BatchEnrolmentRepository;
import dev.stride.contentstate.enrolment.UserEnrolmentRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Saves a profile and refreshes its copies in every batch the user is enrolled in (reports never join). */
@Service
public class ProfileService {

    private final UserRepository users;
    private final UserEnrolmentRepository byUser;
    private final BatchEnrolmentRepository byBatch;

    public ProfileService(UserRepository users, UserEnrolmentRepository byUser, BatchEnrolmentRepository byBatch) {
        this.users = users;
        this.byUser = byUser;
        this.byBatch = byBatch;
    }

    public Mono<Void> save(String tenant, Profile profile) {
        return users.save(tenant, profile)
                .thenMany(byUser.listByUser(tenant, profile.userId()))
                .flatMap(e -> byBatch.refreshProfile(tenant, e.courseId(), e.batchId(), profile), 16)
                .then();
    }
}
