package dev.stride.reports.jobs;

import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.DatasetRegistry;
import dev.stride.reports.dataset.ReportException;
import dev.stride.reports.dataset.ReportProgress;
import dev.stride.reports.dataset.ReportRequest;
import dev.stride.reports.jobs.JobRequestsTable.QueueEntry;
import dev.stride.reports.jobs.JobRequestsTable.QueuePartition;
import dev.stride.reports.progress.LogProgress;
import dev.stride.reports.publish.ReportSummary;
import dev.stride.reports.publish.ReportWriter;
import dev.stride.reports.store.ReportPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes requested reports off the queue: finds the live (tenant, status) partitions, expires stale claims, then claims
 * the oldest SUBMITTED request with a compare-and-set and runs it, renewing the claim while it runs. One job at a time
 * per worker; run several generators for more.
 */
public final class JobWorker {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final JobRequestsTable table;
    private final JobTransitions transitions;
    private final DatasetRegistry datasets;
    private final ReportWriter writer;
    private final String instance;
    private final Clock clock;
    private final ZoneId zone;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "report-job-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean stopping;
    private volatile ReportProgress running;

    public JobWorker(JobRequestsTable table, JobTransitions transitions, DatasetRegistry datasets, ReportWriter writer,
                     String instance, Clock clock, ZoneId zone) {
        this.table = table;
        this.transitions = transitions;
        this.datasets = datasets;
        this.writer = writer;
        this.instance = instance;
        this.clock = clock;
        this.zone = zone;
    }

    public String instance() {
        return instance;
    }

    /** No new claims from now on; a running job goes on (see {@link #cancelRunning}). */
    public void stop() {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    /** Cancels the running job, if any: it is released (its attempt given back) since this generator is stopping. */
    public void cancelRunning() {
        ReportProgress p = running;
        if (p != null) {
            p.cancel();
        }
    }

    public boolean busy() {
        return running != null;
    }

    /** One pass over the queue: expire stale claims, then run at most one job. True when a job ran. */
    public boolean pollOnce() {
        List<QueuePartition> parts = table.partitions();
        int requeued = 0;
        for (QueuePartition p : parts) {
            if (JobRequest.PROCESSING.equals(p.status())) {
                requeued += expireStale(p.tenant());
            }
        }
        if (requeued > 0) {
            parts = table.partitions(); // a requeued job may have opened a tenant's SUBMITTED partition
        }
        List<QueueEntry> submitted = new ArrayList<>();
        for (QueuePartition p : parts) {
            if (JobRequest.SUBMITTED.equals(p.status())) {
                submitted.addAll(table.entries(p.tenant(), JobRequest.SUBMITTED));
            }
        }
        submitted.sort(java.util.Comparator.comparing(QueueEntry::submittedAt,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).thenComparing(QueueEntry::requestId));
        for (QueueEntry entry : submitted) {
            if (stopping) {
                return false;
            }
            JobRequest job = table.read(entry.tenant(), entry.tag(), entry.requestId());
            JobTransitions.IndexRepair repair = transitions.repair(entry.status(), job);
            if (repair != JobTransitions.IndexRepair.KEEP) {
                table.repairIndex(entry, job, repair);
                continue;
            }
            if (!transitions.claimable(job)) {
                table.failUnclaimed(job, "no attempts left (" + job.attemptsSoFar() + " of " + transitions.maxAttempts()
                        + " used)" + (job.statusMessage() == null ? "" : ": " + job.statusMessage()), now());
                continue;
            }
            int attempts = transitions.attemptsAfterClaim(job);
            if (table.claim(job, instance, attempts, now())) {
                run(job, attempts);
                return true;
            }
            LOG.debug("request {} was claimed by another generator", job.requestId());
        }
        return false;
    }

    private int expireStale(String tenant) {
        int requeued = 0;
        for (QueueEntry entry : table.entries(tenant, JobRequest.PROCESSING)) {
            JobRequest job = table.read(entry.tenant(), entry.tag(), entry.requestId());
            JobTransitions.IndexRepair repair = transitions.repair(entry.status(), job);
            if (repair != JobTransitions.IndexRepair.KEEP) {
                table.repairIndex(entry, job, repair);
                continue;
            }
            if (transitions.stale(job, now())) {
                boolean retry = transitions.afterFailure(job.attemptsSoFar(), false) == JobTransitions.AfterFailure.RETRY;
                String reason = "generator " + job.claimedBy() + " stopped renewing its claim (timeout "
                        + transitions.claimTimeout() + ")";
                if (table.expireClaim(job, retry, transitions.failureMessage(job.attemptsSoFar(), false, reason), now())) {
                    LOG.warn("request {}: {} -> {}", job.requestId(), reason, retry ? "SUBMITTED" : "FAILED");
                    requeued += retry ? 1 : 0;
                }
            }
        }
        return requeued;
    }

    /** Runs a claimed job to SUCCESS, back to SUBMITTED or FAILED; releases it when this generator is stopping. */
    void run(JobRequest job, int attempts) {
        LogProgress progress = new LogProgress("request " + job.requestId() + " (" + job.dataset() + ")", Duration.ofSeconds(10));
        running = progress;
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> renew(job, progress),
                transitions.heartbeatInterval().toMillis(), transitions.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        try {
            Dataset dataset = datasets.require(job.dataset());
            if (job.outputFormat() != null && !"csv".equalsIgnoreCase(job.outputFormat())) {
                throw ReportException.permanent("output format '" + job.outputFormat() + "' is not supported (only csv)");
            }
            ReportRequest request = new ReportRequest(job.tenant(), job.config());
            String subject = request.require(dataset.subjectKey(), dataset.name());
            String path = ReportPaths.requested(job.tenant(), job.requestId(), dataset.name(), subject);
            LOG.info("request {} ({} {}={}, tenant {}): attempt {} of {}", job.requestId(), dataset.name(),
                    dataset.subjectKey(), subject, job.tenant(), attempts, transitions.maxAttempts());
            ReportSummary summary = writer.publish(dataset, request, new ReportWriter.Target(path,
                    "request:" + job.requestId(), LocalDate.now(clock.withZone(zone)), job.requestId()), progress);
            beat.cancel(false);
            String url = "/v1/jobrequest/download/" + URLEncoder.encode(job.tag(), StandardCharsets.UTF_8).replace("+", "%20")
                    + "?requestId=" + job.requestId();
            if (table.succeed(job, instance, List.of(url), summary.rows() + " rows", now())) {
                LOG.info("request {} done: {}", job.requestId(), summary.line());
            } else {
                LOG.warn("request {} finished but its claim was lost meanwhile; the file stays, the row is not ours", job.requestId());
            }
        } catch (CancellationException e) {
            beat.cancel(false);
            if (stopping && table.release(job, instance, job.attemptsSoFar(), "released by " + instance + " on shutdown", now())) {
                LOG.info("request {} released (this generator is stopping)", job.requestId());
            } else {
                LOG.warn("request {} cancelled: its claim was lost", job.requestId());
            }
        } catch (Exception e) {
            beat.cancel(false);
            if (stopping && table.release(job, instance, job.attemptsSoFar(), "released by " + instance + " on shutdown", now())) {
                LOG.info("request {} released while stopping ({})", job.requestId(), reason(e));
                return; // a shutdown is not a failed attempt
            }
            boolean permanent = e instanceof ReportException re && re.permanent();
            String reason = reason(e);
            String message = transitions.failureMessage(attempts, permanent, reason);
            if (transitions.afterFailure(attempts, permanent) == JobTransitions.AfterFailure.RETRY) {
                table.retry(job, instance, message, now());
                if (e instanceof ReportException) {
                    LOG.warn("request {} attempt {} failed, will retry: {}", job.requestId(), attempts, reason);
                } else {
                    LOG.warn("request {} attempt {} failed, will retry: {}", job.requestId(), attempts, reason, e);
                }
            } else {
                table.fail(job, instance, message, now());
                LOG.warn("request {} FAILED after attempt {}: {}", job.requestId(), attempts, reason);
            }
        } finally {
            beat.cancel(false);
            running = null;
        }
    }

    private void renew(JobRequest job, ReportProgress progress) {
        try {
            if (!table.heartbeat(job, instance, now())) {
                LOG.warn("request {}: claim lost (expired and taken over): cancelling", job.requestId());
                progress.cancel();
            }
        } catch (RuntimeException e) {
            LOG.warn("request {}: heartbeat failed ({}); will try again", job.requestId(), e.toString());
        }
    }

    static String reason(Throwable e) {
        String m = e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public void close() {
        heartbeats.shutdownNow();
    }
}
