import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator of bench/run.sh (a benchmark, not a test). Single file, no dependencies:
 *
 * <pre>
 *   java bench/Bench.java BASE_URL --warmup-schedule ID --race-schedule ID --spread-schedules FILE
 *        [--race-capacity 100] [--spread-capacity 20] [--warmup-capacity 100] [--attempts 2000]
 *        [--clients 64] [--warmup 200] [--settle-seconds 60]
 * </pre>
 *
 * The schedules of "ours" (the event-sourced booking, POST /api/appointments) are published by
 * run.sh; the baseline's slots (POST /bench/baseline/appointments, one conditional UPDATE plus
 * an INSERT) are created here with the same capacities. Each workload runs on ours and then on
 * the baseline, with fresh schedules and distinct patient ids. Exit status: 0 when nothing was
 * oversold and every after-check held, 2 otherwise; the performance targets are reported as
 * PASS/MISS and do not change the exit status.
 *
 * <p>Booking on ours needs a patient's bearer token and one of that account's patients (就诊人),
 * and a patient may hold one slot per schedule and 3 per visit date. So before anything is
 * measured, every booking attempt of ours gets an account of its own (a WeChat sandbox login)
 * with one patient, made by the same number of client threads in parallel; how long that took is
 * printed, it is not part of any figure. The baseline (/bench/**) is public: its requests carry
 * the same body (a scheduleId and a UUID patientId) and no token, so the token check and the
 * patient-ownership check are part of ours' cost only.
 */
public class Bench {

    static final Pattern STRING_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern NUMBER_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?\\d+)");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** After ours has settled: a pause so its remaining background work does not overlap the next run. */
    static final long QUIET_MILLIS = 2_000;

    static HttpClient http;
    static String base;
    static String setupNote = "";

    /** One system under test: where bookings go and how a schedule's after-state is read. */
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

    /** Who makes one booking attempt: a patient's bearer token (null: no token) and patient id. */
    record Caller(String token, String patientId) {
    }

    record Result(String workload, Target target, int attempts, double seconds, long[] latenciesNanos, int booked,
                  int refused, int errors, int oversold, boolean checkOk, String checkNote,
                  Map<String, Integer> outcomes) {

        double perSecond() {
            return attempts / seconds;
        }

        double percentileMillis(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java bench/Bench.java BASE_URL --warmup-schedule ID --race-schedule ID "
                    + "--spread-schedules FILE [options]");
            System.exit(64);
        }
        base = args[0].replaceAll("/+$", "");
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String warmupSchedule = required(opt, "warmup-schedule");
        String raceSchedule = required(opt, "race-schedule");
        List<String> spreadSchedules = Files.readAllLines(Path.of(required(opt, "spread-schedules"))).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        int raceCapacity = Integer.parseInt(opt.getOrDefault("race-capacity", "100"));
        int spreadCapacity = Integer.parseInt(opt.getOrDefault("spread-capacity", "20"));
        int warmupCapacity = Integer.parseInt(opt.getOrDefault("warmup-capacity", "100"));
        int attempts = Integer.parseInt(opt.getOrDefault("attempts", "2000"));
        int clients = Integer.parseInt(opt.getOrDefault("clients", "64"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "200"));
        int settleSeconds = Integer.parseInt(opt.getOrDefault("settle-seconds", "60"));

        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        String run = Long.toString(System.currentTimeMillis(), 36);
        System.out.printf("Bench: %s, %d clients, %d attempts per workload, race on 1 x %d slots, "
                        + "spread over %d x %d slots%n", base, clients, attempts, raceCapacity, spreadSchedules.size(),
                spreadCapacity);

        // ---- set-up, not measured: an account with one patient for every booking attempt of ours
        long setupStart = System.nanoTime();
        Caller[] accounts = createAccounts(warmup + 2 * attempts, clients, "bench-" + run);
        Caller[] warmupOurs = Arrays.copyOfRange(accounts, 0, warmup);
        Caller[] raceOursCallers = Arrays.copyOfRange(accounts, warmup, warmup + attempts);
        Caller[] spreadOursCallers = Arrays.copyOfRange(accounts, warmup + attempts, warmup + 2 * attempts);
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        setupNote = String.format(Locale.ROOT, "set-up (not measured): %d WeChat accounts with one patient each, "
                        + "%d clients, %.1f s (%.1f accounts/s)", accounts.length, clients, setupSeconds,
                accounts.length / setupSeconds);
        System.out.println(setupNote);

        // the baseline's slots, same capacities as ours
        String baseWarmup = createBaselineSlot(warmupCapacity);
        String baseRace = createBaselineSlot(raceCapacity);
        List<String> baseSpread = new ArrayList<>();
        for (int i = 0; i < spreadSchedules.size(); i++) {
            baseSpread.add(createBaselineSlot(spreadCapacity));
        }

        // warm-up: both paths, on schedules of their own, not measured (but reported)
        List<Result> warmups = new ArrayList<>();
        for (Target t : Target.values()) {
            String schedule = t == Target.OURS ? warmupSchedule : baseWarmup;
            Result w = load("warmup", t, List.of(schedule), warmupCapacity, warmup, clients,
                    t == Target.OURS ? warmupOurs : anonymous(warmup));
            System.out.printf("warm-up %s done: %d booked, %d refused, %d errors%n", t.label, w.booked(), w.refused(),
                    w.errors());
            warmups.add(w);
            if (t == Target.OURS) {
                settleOurs(List.of(schedule), warmupCapacity, w.booked(), settleSeconds);
                Thread.sleep(QUIET_MILLIS);
            }
        }

        List<Result> results = new ArrayList<>();
        // (a) the release race: every client on one schedule at the same instant
        Result raceOurs = check(load("race", Target.OURS, List.of(raceSchedule), raceCapacity, attempts, clients,
                raceOursCallers), List.of(raceSchedule), raceCapacity, settleSeconds);
        results.add(raceOurs);
        Result raceBase = check(load("race", Target.BASELINE, List.of(baseRace), raceCapacity, attempts, clients,
                anonymous(attempts)), List.of(baseRace), raceCapacity, settleSeconds);
        results.add(raceBase);
        // (b) spread bookings: round-robin over the schedules, each attempt has a free slot
        Result spreadOurs = check(load("spread", Target.OURS, spreadSchedules, spreadCapacity, attempts, clients,
                spreadOursCallers), spreadSchedules, spreadCapacity, settleSeconds);
        results.add(spreadOurs);
        Result spreadBase = check(load("spread", Target.BASELINE, baseSpread, spreadCapacity, attempts, clients,
                anonymous(attempts)), baseSpread, spreadCapacity, settleSeconds);
        results.add(spreadBase);

        boolean correct = report(warmups, results, raceOurs, raceBase, spreadOurs, spreadBase);
        System.exit(correct ? 0 : 2);
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

    /** When the first of the access tokens made by the set-up expires (epoch millis). */
    static final AtomicLong TOKENS_EXPIRE_AT = new AtomicLong(Long.MAX_VALUE);

    /**
     * count WeChat accounts (sandbox logins, code {@code <prefix>-k:<try>}), each with one patient
     * added, made by clients threads in parallel. Fails the run if any could not be made.
     */
    static Caller[] createAccounts(int count, int clients, String userPrefix) throws Exception {
        Caller[] callers = new Caller[count];
        AtomicInteger next = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                int k;
                while (failures.isEmpty() && (k = next.getAndIncrement()) < count) {
                    try {
                        callers[k] = createAccount(userPrefix + "-" + k, k + 1);
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

    /** Callers of the baseline: no token; a UUID patient id each, like ours' patient ids. */
    static Caller[] anonymous(int count) {
        Caller[] callers = new Caller[count];
        for (int i = 0; i < count; i++) {
            callers[i] = new Caller(null, UUID.randomUUID().toString());
        }
        return callers;
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
     * attempts bookings from clients threads, all released at once; attempt i goes to schedule
     * i mod n and is made by callers[i] (with its bearer token, if it has one).
     */
    static Result load(String workload, Target target, List<String> schedules, int capacity, int attempts,
                       int clients, Caller[] callers) throws InterruptedException {
        if (callers.length < attempts) {
            throw new IllegalArgumentException(workload + "/" + target.label + ": " + callers.length
                    + " callers for " + attempts + " attempts");
        }
        if (target == Target.OURS && System.currentTimeMillis() > TOKENS_EXPIRE_AT.get() - 60_000) {
            System.out.println("warning: the set-up's access tokens expire (or have expired) before " + workload
                    + "/" + target.label + " ends; raise yihuiliao.security.access-token-ttl");
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
                        latencies[i] = System.nanoTime() - t0;
                        int status = response.statusCode();
                        if (status == 201) {
                            booked.incrementAndGet();
                            bookedPer.incrementAndGet(s);
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
            throw new IllegalStateException(workload + "/" + target.label + " did not finish in 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int oversold = 0;
        for (int s = 0; s < schedules.size(); s++) {
            oversold += Math.max(0, bookedPer.get(s) - capacity);
        }
        return new Result(workload, target, attempts, seconds, latencies, booked.get(), refused.get(), errors.get(),
                oversold, true, "", new TreeMap<>(outcomes));
    }

    // ------------------------------------------------------------------ after-checks

    /**
     * Reads every schedule back: remaining never negative, booked (201s) never above capacity,
     * and the schedule's own count agrees with the 201s (ours: its projection, once caught up;
     * the baseline: the counter and the rows written).
     */
    static Result check(Result r, List<String> schedules, int capacity, int settleSeconds) throws Exception {
        List<String> problems = new ArrayList<>();
        if (r.target() == Target.OURS) {
            int[] remaining = settleOurs(schedules, capacity, r.booked(), settleSeconds);
            int sumBooked = 0;
            for (int s = 0; s < schedules.size(); s++) {
                if (remaining[s] < 0) {
                    problems.add(schedules.get(s) + " remaining " + remaining[s]);
                }
                sumBooked += capacity - remaining[s];
            }
            if (sumBooked != r.booked()) {
                problems.add("schedules show " + sumBooked + " taken, clients saw " + r.booked() + " x 201");
            }
            Thread.sleep(QUIET_MILLIS);
        } else {
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
        }
        if (r.oversold() > 0) {
            problems.add(r.oversold() + " oversold");
        }
        String note = problems.isEmpty() ? "ok" : String.join("; ", problems.subList(0, Math.min(3, problems.size())));
        return new Result(r.workload(), r.target(), r.attempts(), r.seconds(), r.latenciesNanos(), r.booked(),
                r.refused(), r.errors(), r.oversold(), problems.isEmpty(), note, r.outcomes());
    }

    /**
     * Waits (bounded) until the query side reflects every booking of ours (capacity - remaining
     * summed over the schedules equals the 201s seen), so that the after-check reads the settled
     * state and the next measurement does not share the machine with a projection catching up.
     * Returns the last remaining counts read.
     */
    static int[] settleOurs(List<String> schedules, int capacity, int expectedTaken, int settleSeconds)
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
            if (taken >= expectedTaken || negative || System.nanoTime() > deadline) {
                return remaining;
            }
            Thread.sleep(250);
        }
    }

    // ------------------------------------------------------------------ report

    static boolean report(List<Result> warmups, List<Result> results, Result raceOurs, Result raceBase,
                          Result spreadOurs, Result spreadBase) {
        String line = "-".repeat(118);
        System.out.println();
        System.out.println(line);
        System.out.printf("%-7s %-9s %8s %8s %11s %9s %9s %7s %8s %7s %9s  %s%n", "load", "system", "attempts",
                "secs", "attempts/s", "p50 ms", "p99 ms", "booked", "refused", "errors", "oversold", "after-check");
        System.out.println(line);
        for (Result r : warmups) { // not measured, shown so that a failure there is not hidden
            System.out.printf(Locale.ROOT, "%-7s %-9s %8d %8.2f %11.1f %9.1f %9.1f %7d %8d %7d %9d  %s%n",
                    r.workload(), r.target().label, r.attempts(), r.seconds(), r.perSecond(),
                    r.percentileMillis(50), r.percentileMillis(99), r.booked(), r.refused(), r.errors(), r.oversold(),
                    "not measured");
        }
        if (!warmups.isEmpty()) {
            System.out.println(line);
        }
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-7s %-9s %8d %8.2f %11.1f %9.1f %9.1f %7d %8d %7d %9d  %s%n",
                    r.workload(), r.target().label, r.attempts(), r.seconds(), r.perSecond(), r.percentileMillis(50),
                    r.percentileMillis(99), r.booked(), r.refused(), r.errors(), r.oversold(), r.checkNote());
        }
        System.out.println(line);
        for (Result r : warmups) {
            System.out.printf("outcomes %-7s %-9s %s%n", r.workload(), r.target().label, r.outcomes());
        }
        for (Result r : results) {
            System.out.printf("outcomes %-7s %-9s %s%n", r.workload(), r.target().label, r.outcomes());
        }
        System.out.println(line);
        System.out.println(setupNote);
        System.out.println("ours' bookings carry a patient's bearer token: the JWT check, the patient-ownership check "
                + "and the (lifted) rate-limit counter are in ours' figures;");
        System.out.println("the baseline's (/bench/**, public) carry the same body (scheduleId, UUID patientId) and no "
                + "token.");
        System.out.println(line);

        int oversold = results.stream().mapToInt(Result::oversold).sum();
        boolean checks = results.stream().allMatch(Result::checkOk);
        double raceRatio = raceOurs.perSecond() / raceBase.perSecond();
        double spreadRatio = spreadOurs.perSecond() / spreadBase.perSecond();
        double spreadP99 = spreadOurs.percentileMillis(99);
        System.out.printf(Locale.ROOT, "oversold (all runs)            %6d          target 0          %s%n",
                oversold, oversold == 0 && checks ? "PASS" : "MISS");
        System.out.printf(Locale.ROOT, "race   ours/baseline attempts/s %6.2f          target >= 1.0     %s%n",
                raceRatio, raceRatio >= 1.0 ? "PASS" : "MISS");
        System.out.printf(Locale.ROOT, "spread ours/baseline attempts/s %6.2f          target >= 0.5     %s%n",
                spreadRatio, spreadRatio >= 0.5 ? "PASS" : "MISS");
        System.out.printf(Locale.ROOT, "spread ours p99                 %6.1f ms       target <= 100 ms  %s%n",
                spreadP99, spreadP99 <= 100 ? "PASS" : "MISS");
        System.out.println(line);
        return oversold == 0 && checks;
    }

    // ------------------------------------------------------------------ HTTP helpers

    static String createBaselineSlot(int capacity) throws Exception {
        String body = post("/bench/baseline/schedules", "{\"capacity\":" + capacity + "}", 201);
        return field(STRING_FIELD, body, "scheduleId");
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
