import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator of bench/run.sh (a benchmark, not a test). Single file, no dependencies:
 *
 * <pre>
 *   java bench/Bench.java BASE_URL --admin-token TOKEN [--repeats 3] [--min-seconds 10] [--clients 64]
 *        [--workloads race,spread,morning] [--department bench-dept] [--db-stats-command PATH]
 * </pre>
 *
 * Three workloads, each measured on ours (the event-sourced booking, POST /api/appointments) and on
 * the plain-SQL baseline (POST /bench/baseline/appointments: one conditional UPDATE and one INSERT in
 * one transaction, served by the same HTTP stack):
 * <ul>
 *   <li>race: 2,000 attempts from all clients on one schedule of 100 slots;</li>
 *   <li>spread: 2,000 attempts round-robin over 100 schedules of 20 slots (every attempt finds a slot);</li>
 *   <li>morning (release morning): 100 schedules of 20 slots, 3 attempts per slot from distinct patients,
 *       6,000 attempts all at once.</li>
 * </ul>
 * A workload is measured in rounds of that shape, each on fresh schedules, until its rounds add up to at
 * least min-seconds of load; attempts/s and the latency percentiles are taken over all of its rounds. The
 * set-up between rounds (publishing the schedules, and afterwards waiting until the query side shows every
 * booking) is not measured. Every workload runs --repeats times (ours, then the baseline, in turn); the
 * report gives each figure's minimum, median and maximum, and the ratio ours/baseline of the medians.
 *
 * <p>Each (repeat, workload), and each workload's warm-up, books on a visit date of its own, so one patient makes at most one booking per
 * date and none of the per-patient limits (per date, department or doctor) changes what is measured; the
 * set-up widens the hospital's booking window to 30 days for that. Ours needs a patient's bearer token: every
 * attempt of a (repeat, workload) has an account of its own (a WeChat sandbox login with one patient, 本人),
 * made before the rounds that need them and reused across dates. The baseline's requests carry the same body
 * and no token.
 *
 * <p>Freshness: while ours runs, a sample of its 201s is followed by two probe threads polling GET
 * /api/schedules/{id} until the remaining count there has taken in at least as many bookings as the clients
 * had seen 201s for that schedule; the time from the 201 to that answer is the freshness. With
 * --db-stats-command, a script printing "name value" lines of the database's own counters for the app's
 * database user, the statements per booking are printed (during the load, and until the projections caught up).
 *
 * <p>Exit status: 0 when nothing was oversold, no request failed and every after-check held; 2 otherwise.
 * The performance targets are reported as PASS/MISS and do not change the exit status.
 */
public class Bench {

    static final Pattern STRING_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern NUMBER_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?\\d+)");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final ZoneId HOSPITAL_ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] PERIODS = {"MORNING", "AFTERNOON", "EVENING"};
    /** After ours has settled: a pause so its remaining background work does not overlap the next round. */
    static final long QUIET_MILLIS = 2_000;
    static final int MAX_ROUNDS = 40;
    static final long FRESHNESS_GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

    static HttpClient http;
    static String base;
    static String adminToken;
    static String department;
    static String setupNote = "";
    static String dbStatsCommand;

    /** One system under test: where bookings go. */
    enum Target {
        OURS("ours", "/api/appointments"),
        BASELINE("baseline", "/bench/baseline/appointments");

        final String label;
        final String bookPath;

        Target(String label, String bookPath) {
            this.label = label;
            this.bookPath = bookPath;
        }
    }

    /**
     * One workload's round: schedules × capacity, attempts (attempt i goes to schedule i mod schedules), and
     * its targets.
     */
    enum Workload {
        RACE("race", 1, 100, 2_000, 2.0, 0, 150),
        SPREAD("spread", 100, 20, 2_000, 0.6, 0.8, 150),
        MORNING("morning", 100, 20, 6_000, 1.0, 0, 200);

        final String label;
        final int schedules;
        final int capacity;
        final int attempts;
        final double ratioTarget;
        final double ratioStretch;
        final double p99TargetMillis;

        Workload(String label, int schedules, int capacity, int attempts, double ratioTarget, double ratioStretch,
                 double p99TargetMillis) {
            this.label = label;
            this.schedules = schedules;
            this.capacity = capacity;
            this.attempts = attempts;
            this.ratioTarget = ratioTarget;
            this.ratioStretch = ratioStretch;
            this.p99TargetMillis = p99TargetMillis;
        }
    }

    /** Who makes one booking attempt: a patient's bearer token (null: no token) and patient id. */
    record Caller(String token, String patientId) {
    }

    /** One round's load: what the clients saw, and the after-check. */
    record Round(int attempts, double seconds, long[] latenciesNanos, int booked, int refused, int errors,
                 int oversold, List<String> problems, Map<String, Integer> outcomes, double settleSeconds) {
    }

    /** One (repeat, workload, target): its rounds, its freshness samples, its statement counts. */
    static final class Run {
        final int repeat;
        final Workload workload;
        final Target target;
        final List<Round> rounds = new ArrayList<>();
        final List<Long> freshnessNanos = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger freshnessGaveUp = new AtomicInteger();
        final Map<String, Long> statsDuringLoad = new TreeMap<>();
        final Map<String, Long> statsUntilSettled = new TreeMap<>();

        Run(int repeat, Workload workload, Target target) {
            this.repeat = repeat;
            this.workload = workload;
            this.target = target;
        }

        double seconds() {
            return rounds.stream().mapToDouble(Round::seconds).sum();
        }

        int attempts() {
            return rounds.stream().mapToInt(Round::attempts).sum();
        }

        int booked() {
            return rounds.stream().mapToInt(Round::booked).sum();
        }

        int refused() {
            return rounds.stream().mapToInt(Round::refused).sum();
        }

        int errors() {
            return rounds.stream().mapToInt(Round::errors).sum();
        }

        int oversold() {
            return rounds.stream().mapToInt(Round::oversold).sum();
        }

        List<String> problems() {
            return rounds.stream().flatMap(r -> r.problems().stream()).toList();
        }

        double perSecond() {
            return attempts() / seconds();
        }

        double percentileMillis(double p) {
            long[] all = rounds.stream().flatMapToLong(r -> Arrays.stream(r.latenciesNanos())).toArray();
            return percentile(all, p) / 1e6;
        }

        double freshnessMillis(double p) {
            long[] all;
            synchronized (freshnessNanos) {
                all = freshnessNanos.stream().mapToLong(Long::longValue).toArray();
            }
            return all.length == 0 ? Double.NaN : percentile(all, p) / 1e6;
        }

        Map<String, Integer> outcomes() {
            Map<String, Integer> all = new TreeMap<>();
            rounds.forEach(r -> r.outcomes().forEach((k, v) -> all.merge(k, v, Integer::sum)));
            return all;
        }

        /** The app's statements in stats, per attempt (per booking: perBooking) of this run. */
        double statementsPer(Map<String, Long> stats, boolean perBooking) {
            long statements = stats.getOrDefault("SELECT_COMMANDS", 0L) + stats.getOrDefault("UPDATE_COMMANDS", 0L)
                    + stats.getOrDefault("OTHER_COMMANDS", 0L);
            int per = perBooking ? booked() : attempts();
            return per == 0 || stats.isEmpty() ? Double.NaN : (double) statements / per;
        }
    }

    static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java bench/Bench.java BASE_URL --admin-token TOKEN [options]");
            System.exit(64);
        }
        base = args[0].replaceAll("/+$", "");
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        adminToken = required(opt, "admin-token");
        department = opt.getOrDefault("department", "bench-dept");
        int repeats = Integer.parseInt(opt.getOrDefault("repeats", "3"));
        double minSeconds = Double.parseDouble(opt.getOrDefault("min-seconds", "10"));
        int clients = Integer.parseInt(opt.getOrDefault("clients", "64"));
        int settleSeconds = Integer.parseInt(opt.getOrDefault("settle-seconds", "60"));
        dbStatsCommand = opt.get("db-stats-command");
        List<Workload> workloads = Arrays.stream(opt.getOrDefault("workloads", "race,spread,morning").split(","))
                .map(s -> Workload.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();

        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        String run = Long.toString(System.currentTimeMillis(), 36);
        System.out.printf("Bench: %s, %d clients, %d repeats, each workload >= %.0f s of load per repeat; workloads %s%n",
                base, clients, repeats, minSeconds, workloads.stream().map(w -> w.label).toList());

        // the dates: one for the warm-up, then one per (repeat, workload); the window is widened to reach them
        call("PUT", "/api/admin/booking-rules/HOSPITAL",
                "{\"daysAhead\":30,\"releaseTime\":\"08:00\",\"stopMinutesBefore\":30,\"cancelMinutesBefore\":120}");
        LocalDate tomorrow = LocalDate.now(HOSPITAL_ZONE).plusDays(1);
        Schedules schedules = new Schedules(clients);
        Accounts accounts = new Accounts(clients, "bench-" + run);

        // warm-up: one round of each workload on both paths, not measured (but reported)
        List<Run> warmups = new ArrayList<>();
        for (int wi = 0; wi < workloads.size(); wi++) {
            Workload w = workloads.get(wi);
            for (Target t : Target.values()) {
                Run warm = new Run(0, w, t);
                round(warm, tomorrow.plusDays(wi), schedules, accounts, clients, settleSeconds, false);
                System.out.printf("warm-up %-7s %-8s: %d booked, %d refused, %d errors%n", w.label, t.label,
                        warm.booked(), warm.refused(), warm.errors());
                warmups.add(warm);
            }
        }

        List<Run> runs = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            for (int wi = 0; wi < workloads.size(); wi++) {
                Workload w = workloads.get(wi);
                LocalDate date = tomorrow.plusDays((long) r * workloads.size() + wi);
                for (Target t : Target.values()) {
                    Run measured = new Run(r, w, t);
                    while (measured.seconds() < minSeconds && measured.rounds.size() < MAX_ROUNDS) {
                        round(measured, date, schedules, accounts, clients, settleSeconds, true);
                    }
                    System.out.printf(Locale.ROOT, "repeat %d %-7s %-8s: %d rounds, %.1f s, %.0f attempts/s, p99 %.0f ms,"
                                    + " %d errors%n", r, w.label, t.label, measured.rounds.size(), measured.seconds(),
                            measured.perSecond(), measured.percentileMillis(99), measured.errors());
                    runs.add(measured);
                }
            }
        }
        setupNote = accounts.note();
        boolean correct = report(warmups, runs, workloads);
        System.exit(correct ? 0 : 2);
    }

    /**
     * One round of run's workload on date: fresh schedules (ours: published by the admin; the baseline: its
     * slots), the load, and the after-check. Ours also samples freshness and, when measured, counts statements.
     */
    static void round(Run run, LocalDate date, Schedules schedules, Accounts accounts, int clients,
                      int settleSeconds, boolean measured) throws Exception {
        Workload w = run.workload;
        boolean ours = run.target == Target.OURS;
        int offset = ours ? run.rounds.size() * w.attempts : 0;
        Caller[] callers = ours ? accounts.slice(offset, w.attempts) : anonymous(w.attempts);
        List<String> ids = ours ? schedules.publish(date, w.schedules, w.capacity) : schedules.baseline(w.schedules,
                w.capacity);
        Map<String, Long> before = ours && measured ? dbStats() : Map.of();
        Freshness freshness = ours ? new Freshness(run) : null;
        Round load = load(run, ids, w.capacity, w.attempts, clients, callers, freshness);
        Map<String, Long> afterLoad = ours && measured ? dbStats() : Map.of();
        long settleStart = System.nanoTime();
        List<String> problems = ours ? checkOurs(ids, w.capacity, load, settleSeconds) : checkBaseline(ids, w.capacity,
                load);
        double settled = (System.nanoTime() - settleStart) / 1e9;
        if (freshness != null) {
            freshness.close();
        }
        if (ours && measured) {
            Map<String, Long> afterSettle = dbStats();
            add(run.statsDuringLoad, before, afterLoad);
            add(run.statsUntilSettled, before, afterSettle);
        }
        run.rounds.add(new Round(load.attempts(), load.seconds(), load.latenciesNanos(), load.booked(),
                load.refused(), load.errors(), load.oversold(), problems, load.outcomes(), settled));
        if (ours) {
            Thread.sleep(QUIET_MILLIS);
        }
    }

    static String required(Map<String, String> opt, String name) {
        String value = opt.get(name);
        if (value == null) {
            System.err.println("missing --" + name);
            System.exit(64);
        }
        return value;
    }

    // ------------------------------------------------------------------ set-up (not measured)

    /** Ours' schedules, published as the admin on fresh (doctor, date, period)s; and the baseline's slots. */
    static final class Schedules {
        final int parallelism;
        final Set<Integer> doctors = new HashSet<>();
        final Map<LocalDate, AtomicInteger> nextSlot = new ConcurrentHashMap<>();
        boolean departmentMade;

        Schedules(int clients) {
            this.parallelism = Math.max(1, Math.min(8, clients));
        }

        List<String> publish(LocalDate date, int count, int capacity) throws Exception {
            if (!departmentMade) {
                call("PUT", "/api/admin/departments/" + department, "{\"name\":\"Bench\",\"sortOrder\":0}");
                departmentMade = true;
            }
            int first = nextSlot.computeIfAbsent(date, d -> new AtomicInteger()).getAndAdd(count);
            // the doctors first (a schedule names one); a person's name has no digits (@PersonName): doctor 1
            // is "Doctor Ab", 27 is "Doctor Bb"
            List<Integer> newDoctors = new ArrayList<>();
            for (int k = first; k < first + count; k++) {
                if (doctors.add(k / PERIODS.length + 1)) {
                    newDoctors.add(k / PERIODS.length + 1);
                }
            }
            parallel(newDoctors.size(), i -> call("PUT", "/api/admin/doctors/bench-doc-" + newDoctors.get(i),
                    "{\"departmentId\":\"" + department + "\",\"name\":\"Doctor " + letters(newDoctors.get(i))
                            + "\",\"feeFen\":1000}"));
            List<String> ids = parallel(count, i -> {
                int k = first + i;
                return field(STRING_FIELD, call("POST", "/api/admin/schedules", "{\"doctorId\":\"bench-doc-"
                        + (k / PERIODS.length + 1) + "\",\"date\":\"" + date + "\",\"period\":\""
                        + PERIODS[k % PERIODS.length] + "\",\"capacity\":" + capacity + ",\"feeFen\":1000}"),
                        "scheduleId");
            });
            // the query side must know the schedules before the after-check (and the freshness probes) read them
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (String id : ids) {
                HttpResponse<String> shown;
                while ((shown = trySend("GET", "/api/schedules/" + id, null, null)) == null
                        || shown.statusCode() != 200) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("schedule " + id + " not on the query side within 60 s");
                    }
                    Thread.sleep(100);
                }
            }
            return ids;
        }

        List<String> baseline(int count, int capacity) throws Exception {
            return parallel(count, i -> field(STRING_FIELD, post("/bench/baseline/schedules",
                    "{\"capacity\":" + capacity + "}", 201), "scheduleId"));
        }

        interface Step {
            String make(int i) throws Exception;
        }

        List<String> parallel(int count, Step step) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(parallelism);
            try {
                List<Future<String>> made = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int n = i;
                    made.add(pool.submit(() -> step.make(n)));
                }
                List<String> ids = new ArrayList<>();
                for (Future<String> f : made) {
                    ids.add(f.get(2, TimeUnit.MINUTES));
                }
                return ids;
            } finally {
                pool.shutdownNow();
            }
        }

        static String letters(int n) {
            String abc = "abcdefghijklmnopqrstuvwxyz";
            StringBuilder s = new StringBuilder();
            for (int v = n; v > 0 || s.length() < 2; v /= 26) {
                s.insert(0, abc.charAt(v % 26));
            }
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    /** Ours' callers: an account with one patient each, made as needed and reused on every date. */
    static final class Accounts {
        final int clients;
        final String prefix;
        final List<Caller> made = new ArrayList<>();
        double seconds;

        Accounts(int clients, String prefix) {
            this.clients = clients;
            this.prefix = prefix;
        }

        Caller[] slice(int from, int count) throws Exception {
            if (made.size() < from + count) {
                long start = System.nanoTime();
                made.addAll(Arrays.asList(createAccounts(made.size(), from + count - made.size(), clients, prefix)));
                seconds += (System.nanoTime() - start) / 1e9;
            }
            return made.subList(from, from + count).toArray(Caller[]::new);
        }

        String note() {
            return String.format(Locale.ROOT, "set-up (not measured): %d WeChat accounts with one patient each, "
                    + "%d clients, %.1f s (%.1f accounts/s)", made.size(), clients, seconds, made.size() / seconds);
        }
    }

    /** When the first of the access tokens made by the set-up expires (epoch millis). */
    static final AtomicLong TOKENS_EXPIRE_AT = new AtomicLong(Long.MAX_VALUE);

    /**
     * count WeChat accounts numbered from first on (sandbox logins, code {@code <prefix>-k:<try>}), each with
     * one patient added, made by clients threads in parallel. Fails the run if any could not be made.
     */
    static Caller[] createAccounts(int first, int count, int clients, String userPrefix) throws Exception {
        Caller[] callers = new Caller[count];
        AtomicInteger next = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                int k;
                while (failures.isEmpty() && (k = next.getAndIncrement()) < count) {
                    try {
                        callers[k] = createAccount(userPrefix + "-" + (first + k), first + k + 1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        failures.add("account " + k + ": " + e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(20, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("set-up of " + count + " accounts did not finish in 20 minutes");
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("set-up failed (" + failures.size() + " accounts): " + failures.get(0));
        }
        return callers;
    }

    /** One account: log in through the WeChat sandbox, add one patient (本人) with a valid ID number. */
    static Caller createAccount(String user, int n) throws Exception {
        String token = null;
        for (int attempt = 1; token == null; attempt++) {
            HttpResponse<String> login = trySend("POST", "/api/auth/wechat/login",
                    "{\"code\":\"" + user + ":" + attempt + "\"}", null);
            if (login != null && login.statusCode() == 200) {
                token = field(STRING_FIELD, login.body(), "accessToken");
                String expiresIn = field(NUMBER_FIELD, login.body(), "expiresIn");
                if (expiresIn != null) {
                    TOKENS_EXPIRE_AT.accumulateAndGet(System.currentTimeMillis() + Long.parseLong(expiresIn) * 1000,
                            Math::min);
                }
            } else if (attempt >= 3 || (login != null && login.statusCode() < 500 && login.statusCode() != 429)) {
                throw new IllegalStateException("login as " + user + " answered "
                        + (login == null ? "nothing" : login.statusCode() + ": " + login.body()));
            } else {
                Thread.sleep(200L * attempt);
            }
        }
        String patient = "{\"realName\":\"\u5f20\u4e09\",\"idNumber\":\"" + residentId(n)
                + "\",\"phone\":\"13812345678\",\"relationship\":\"SELF\"}";
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> added = trySend("POST", "/api/me/patients", patient, token);
            if (added != null && added.statusCode() == 201) {
                return new Caller(token, field(STRING_FIELD, added.body(), "patientId"));
            }
            if (added != null && added.statusCode() == 409
                    && "PATIENT_ALREADY_ADDED".equals(field(STRING_FIELD, added.body(), "code"))) {
                // an earlier try went through but its answer was lost: the account's only patient is it
                HttpResponse<String> list = trySend("GET", "/api/me/patients", null, token);
                String id = list == null ? null : field(STRING_FIELD, list.body(), "patientId");
                if (id != null) {
                    return new Caller(token, id);
                }
            }
            if (attempt >= 3 || (added != null && added.statusCode() < 500 && added.statusCode() != 429)) {
                throw new IllegalStateException("adding a patient for " + user + " answered "
                        + (added == null ? "nothing" : added.statusCode() + ": " + added.body()));
            }
            Thread.sleep(200L * attempt);
        }
    }

    /** A valid 18-digit resident ID number (GB 11643 check digit), different for each n below 21,000. */
    static String residentId(int n) {
        String body = "110101" + "1990" + String.format("%02d%02d", 1 + n % 12, 1 + n % 28)
                + String.format("%03d", n % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }


    // ------------------------------------------------------------------ load

    /**
     * attempts bookings from clients threads, all released at once; attempt i goes to schedule i mod n and is
     * made by callers[i] (with its bearer token, if it has one). Ours' 201s are offered to freshness.
     */
    static Round load(Run run, List<String> schedules, int capacity, int attempts, int clients, Caller[] callers,
                      Freshness freshness) throws InterruptedException {
        Target target = run.target;
        String name = run.workload.label + "/" + target.label;
        if (target == Target.OURS && System.currentTimeMillis() > TOKENS_EXPIRE_AT.get() - 60_000) {
            System.out.println("warning: the set-up's access tokens expire (or have expired) before " + name
                    + " ends; raise yihuiliao.security.access-token-ttl");
        }
        long[] latencies = new long[attempts];
        AtomicIntegerArray bookedPer = new AtomicIntegerArray(schedules.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        URI uri = URI.create(base + target.bookPath);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                int i;
                while ((i = next.getAndIncrement()) < attempts) {
                    int s = i % schedules.size();
                    Caller caller = callers[i];
                    String body = "{\"scheduleId\":\"" + schedules.get(s) + "\",\"patientId\":\""
                            + caller.patientId() + "\"}";
                    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                            .timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", "application/json");
                    if (caller.token() != null) {
                        builder.header("Authorization", "Bearer " + caller.token());
                    }
                    HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long answered = System.nanoTime();
                        latencies[i] = answered - t0;
                        int status = response.statusCode();
                        if (status == 201) {
                            booked.incrementAndGet();
                            int seen = bookedPer.incrementAndGet(s);
                            if (freshness != null) {
                                freshness.offer(schedules.get(s), capacity - seen, answered);
                            }
                            outcome = "201";
                        } else {
                            String code = field(STRING_FIELD, response.body(), "code");
                            outcome = status + (code == null ? "" : " " + code);
                            if (status == 409) {
                                refused.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        latencies[i] = System.nanoTime() - t0;
                        errors.incrementAndGet();
                        outcome = e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                }
            });
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException(name + " did not finish in 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int oversold = 0;
        for (int s = 0; s < schedules.size(); s++) {
            oversold += Math.max(0, bookedPer.get(s) - capacity);
        }
        return new Round(attempts, seconds, latencies, booked.get(), refused.get(), errors.get(), oversold, List.of(),
                new TreeMap<>(outcomes), 0);
    }

    /**
     * Follows a sample of ours' 201s: two probe threads; a 201 is sampled when a probe is free. A probe polls
     * the schedule until its remaining count is at most what the clients' 201s on it imply.
     */
    static final class Freshness {
        static final int PROBES = 2;
        static final long POLL_MILLIS = 20;
        final Run run;
        final Semaphore free = new Semaphore(PROBES);
        final ExecutorService probes = Executors.newFixedThreadPool(PROBES);

        Freshness(Run run) {
            this.run = run;
        }

        void offer(String scheduleId, int remainingAtMost, long answeredNanos) {
            if (!free.tryAcquire()) {
                return;
            }
            probes.execute(() -> {
                try {
                    while (true) {
                        HttpResponse<String> shown = trySend("GET", "/api/schedules/" + scheduleId, null, null);
                        long now = System.nanoTime();
                        if (shown != null && shown.statusCode() == 200
                                && number(shown.body(), "remaining") <= remainingAtMost) {
                            run.freshnessNanos.add(now - answeredNanos);
                            return;
                        }
                        if (now - answeredNanos > FRESHNESS_GIVE_UP_NANOS) {
                            run.freshnessGaveUp.incrementAndGet();
                            run.freshnessNanos.add(now - answeredNanos);
                            return;
                        }
                        Thread.sleep(POLL_MILLIS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    free.release();
                }
            });
        }

        void close() throws InterruptedException {
            probes.shutdown();
            probes.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** Callers of the baseline: no token; a UUID patient id each, like ours' patient ids. */
    static Caller[] anonymous(int count) {
        Caller[] callers = new Caller[count];
        for (int i = 0; i < count; i++) {
            callers[i] = new Caller(null, UUID.randomUUID().toString());
        }
        return callers;
    }

    // ------------------------------------------------------------------ after-checks

    /**
     * Ours: waits (bounded) until the query side shows every booking (capacity - remaining summed over the
     * schedules equals the 201s seen), then checks that no remaining count is negative and the counts agree.
     */
    static List<String> checkOurs(List<String> schedules, int capacity, Round r, int settleSeconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settleSeconds);
        int[] remaining = new int[schedules.size()];
        while (true) {
            int taken = 0;
            boolean negative = false;
            for (int s = 0; s < schedules.size(); s++) {
                remaining[s] = (int) number(get("/api/schedules/" + schedules.get(s)), "remaining");
                taken += capacity - remaining[s];
                negative |= remaining[s] < 0;
            }
            if (taken >= r.booked() || negative || System.nanoTime() > deadline) {
                List<String> problems = new ArrayList<>();
                for (int s = 0; s < schedules.size(); s++) {
                    if (remaining[s] < 0) {
                        problems.add(schedules.get(s) + " remaining " + remaining[s]);
                    }
                }
                if (taken != r.booked()) {
                    problems.add("schedules show " + taken + " taken, clients saw " + r.booked() + " x 201");
                }
                if (r.oversold() > 0) {
                    problems.add(r.oversold() + " oversold");
                }
                return problems;
            }
            Thread.sleep(100);
        }
    }

    /** The baseline: its counter and its rows agree, never below zero, never above capacity. */
    static List<String> checkBaseline(List<String> schedules, int capacity, Round r) throws Exception {
        List<String> problems = new ArrayList<>();
        int sumBooked = 0;
        for (String id : schedules) {
            String body = get("/bench/baseline/schedules/" + id);
            long remaining = number(body, "remaining");
            long rows = number(body, "booked");
            if (remaining < 0) {
                problems.add(id + " remaining " + remaining);
            }
            if (rows > capacity || rows != capacity - remaining) {
                problems.add(id + " has " + rows + " appointments, remaining " + remaining);
            }
            sumBooked += rows;
        }
        if (sumBooked != r.booked()) {
            problems.add("tables hold " + sumBooked + " appointments, clients saw " + r.booked() + " x 201");
        }
        if (r.oversold() > 0) {
            problems.add(r.oversold() + " oversold");
        }
        return problems;
    }

    // ------------------------------------------------------------------ the database's own counters

    /** The counters printed by --db-stats-command ("NAME value" lines); empty without one. */
    static Map<String, Long> dbStats() throws Exception {
        if (dbStatsCommand == null) {
            return Map.of();
        }
        Process p = new ProcessBuilder(dbStatsCommand).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("--db-stats-command failed: " + out);
        }
        Map<String, Long> stats = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[1].matches("\\d+")) {
                stats.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return stats;
    }

    static void add(Map<String, Long> sum, Map<String, Long> before, Map<String, Long> after) {
        after.forEach((k, v) -> sum.merge(k, v - before.getOrDefault(k, 0L), Long::sum));
    }

    // ------------------------------------------------------------------ report

    static boolean report(List<Run> warmups, List<Run> runs, List<Workload> workloads) {
        String line = "-".repeat(132);
        System.out.println();
        System.out.println(line);
        System.out.printf("%-7s %-8s %3s %6s %8s %7s %10s %8s %8s %7s %7s %6s %8s %10s  %s%n", "load", "system",
                "rep", "rounds", "attempts", "secs", "attempts/s", "p50 ms", "p99 ms", "booked", "refused", "errors",
                "oversold", "fresh p99", "after-check");
        System.out.println(line);
        for (Run r : warmups) {
            row(r, "warm-up, not measured");
        }
        System.out.println(line);
        for (Run r : runs) {
            List<String> problems = r.problems();
            row(r, problems.isEmpty() ? "ok" : String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
        System.out.println(line);
        for (Run r : runs) {
            System.out.printf("outcomes %-7s %-8s rep %d %s%n", r.workload.label, r.target.label, r.repeat,
                    r.outcomes());
        }
        System.out.println(line);
        System.out.println(setupNote);
        System.out.println("ours' bookings carry a patient's bearer token: the JWT check, the patient-ownership check "
                + "and the (lifted) rate-limit counter are in ours' figures;");
        System.out.println("the baseline's (/bench/**, public) carry the same body (scheduleId, UUID patientId) and no "
                + "token. Fresh p99: from a 201 of ours until GET /api/schedules/{id} shows it. Statements: the app's"
                + " own (MariaDB userstat),");
        System.out.println("per attempt during the load, and per booking from the load's start until the projections"
                + " had caught up (with their writes).");
        System.out.println(line);
        System.out.printf("%-7s %-8s %26s %26s %24s %22s%n", "load", "system", "attempts/s min/med/max",
                "p99 ms min/med/max", "fresh p99 ms min/med/max", "stmts/attempt · /booking");
        for (Workload w : workloads) {
            for (Target t : Target.values()) {
                List<Run> of = of(runs, w, t);
                System.out.printf(Locale.ROOT, "%-7s %-8s %26s %26s %24s %22s%n", w.label, t.label,
                        spread(of.stream().mapToDouble(Run::perSecond).toArray(), "%.0f"),
                        spread(of.stream().mapToDouble(r -> r.percentileMillis(99)).toArray(), "%.0f"),
                        t == Target.OURS ? spread(of.stream().mapToDouble(r -> r.freshnessMillis(99)).toArray(),
                                "%.0f") : "-",
                        t == Target.OURS ? statements(of) : "-");
            }
        }
        System.out.println(line);

        int oversold = runs.stream().mapToInt(Run::oversold).sum();
        int errors = runs.stream().mapToInt(Run::errors).sum();
        boolean checks = runs.stream().allMatch(r -> r.problems().isEmpty());
        System.out.printf(Locale.ROOT, "%-44s %10d   target 0          %s%n", "oversold (every run)", oversold,
                oversold == 0 && checks ? "PASS" : "MISS");
        System.out.printf(Locale.ROOT, "%-44s %10d   target 0          %s%n", "errors (every run)", errors,
                errors == 0 ? "PASS" : "MISS");
        for (Workload w : workloads) {
            double ours = median(of(runs, w, Target.OURS).stream().mapToDouble(Run::perSecond).toArray());
            double baseline = median(of(runs, w, Target.BASELINE).stream().mapToDouble(Run::perSecond).toArray());
            double ratio = ours / baseline;
            double p99 = median(of(runs, w, Target.OURS).stream().mapToDouble(r -> r.percentileMillis(99)).toArray());
            double fresh = median(of(runs, w, Target.OURS).stream().mapToDouble(r -> r.freshnessMillis(99)).toArray());
            String stretch = w.ratioStretch > 0 ? String.format(Locale.ROOT, " (stretch %.1f: %s)", w.ratioStretch,
                    ratio >= w.ratioStretch ? "PASS" : "MISS") : "";
            System.out.printf(Locale.ROOT, "%-44s %10.2f   target >= %-6.1f  %s%s%n",
                    w.label + " ours/baseline attempts/s (medians)", ratio, w.ratioTarget,
                    ratio >= w.ratioTarget ? "PASS" : "MISS", stretch);
            System.out.printf(Locale.ROOT, "%-44s %7.0f ms   target <= %-4.0f ms %s%n", w.label + " ours p99 (median)",
                    p99, w.p99TargetMillis, p99 <= w.p99TargetMillis ? "PASS" : "MISS");
            System.out.printf(Locale.ROOT, "%-44s %7.0f ms   target <= 500 ms  %s%n",
                    w.label + " ours freshness p99 (median)", fresh, fresh <= 500 ? "PASS" : "MISS");
        }
        System.out.println(line);
        return oversold == 0 && checks && errors == 0;
    }

    static void row(Run r, String note) {
        System.out.printf(Locale.ROOT, "%-7s %-8s %3d %6d %8d %7.2f %10.1f %8.1f %8.1f %7d %7d %6d %8d %10s  %s%n",
                r.workload.label, r.target.label, r.repeat, r.rounds.size(), r.attempts(), r.seconds(), r.perSecond(),
                r.percentileMillis(50), r.percentileMillis(99), r.booked(), r.refused(), r.errors(), r.oversold(),
                r.target == Target.OURS ? String.format(Locale.ROOT, "%.0f%s", r.freshnessMillis(99),
                        r.freshnessGaveUp.get() > 0 ? " (" + r.freshnessGaveUp.get() + " > 10 s)" : "") : "-",
                note);
    }

    static List<Run> of(List<Run> runs, Workload w, Target t) {
        return runs.stream().filter(r -> r.workload == w && r.target == t).toList();
    }

    static String spread(double[] values, String format) {
        if (values.length == 0) {
            return "-";
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, format + " / " + format + " / " + format, sorted[0], median(sorted),
                sorted[sorted.length - 1]);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The app's statements (medians over the repeats): per attempt during the load, and per booking from the
     * load's start until the projections had caught up (so with their writes).
     */
    static String statements(List<Run> runs) {
        double during = median(runs.stream().mapToDouble(r -> r.statementsPer(r.statsDuringLoad, false)).toArray());
        double settled = median(runs.stream().mapToDouble(r -> r.statementsPer(r.statsUntilSettled, true))
                .toArray());
        return Double.isNaN(during) ? "-" : String.format(Locale.ROOT, "%.1f · %.1f", during, settled);
    }

    // ------------------------------------------------------------------ HTTP helpers

    /** An admin call of the set-up: METHOD PATH JSON, as the super admin; fails on a non-2xx. */
    static String call(String method, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminToken)
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    static String post(String path, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** One request for the set-up; null when it could not be sent or answered (I/O error, timeout). */
    static HttpResponse<String> trySend(String method, String path, String json, String token)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    static String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    static String field(Pattern pattern, String json, String name) {
        if (json == null) {
            return null;
        }
        Matcher m = pattern.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }

    static long number(String json, String name) {
        String value = field(NUMBER_FIELD, json, name);
        if (value == null) {
            throw new IllegalStateException("no number '" + name + "' in " + json);
        }
        return Long.parseLong(value);
    }
}
