package org.diasporadesk.registry.imports.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.registry.household.application.HouseholdStore;
import org.diasporadesk.registry.household.application.MigrantNormalizer;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.HouseholdChange;
import org.diasporadesk.registry.household.domain.Informant;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.imports.domain.ImportColumn;
import org.diasporadesk.registry.imports.domain.RowError;
import org.diasporadesk.registry.household.matching.application.DuplicateDetection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Bulk import of the households and migrants that local officials collected, from a CSV file. The upload
 * answers at once with a job; the rows are then read one at a time and written in batches, so memory stays
 * flat for any file size. Good rows are imported even when others are bad; bad rows are kept with line,
 * column, value and reason. Each household written produces the same events as a registration, through the
 * outbox; ids derive from {@code household_ref} and {@code external_id}, so importing a file again adds nothing.
 */
@Service
public class BulkImport {

    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

    /**
     * Rows written per batch: one progress update and one round of lookups and writes per batch, some a dozen store
     * commands per 1,000 rows; progress still moves every second or two.
     */
    static final int BATCH_SIZE = 1_000;

    private final ImportJobs jobs;
    private final HouseholdStore households;
    private final MigrantNormalizer normalizer;
    private final DuplicateDetection duplicates;
    private final Territory territory;
    private final Executor executor;
    private final Clock clock;

    BulkImport(ImportJobs jobs, HouseholdStore households, MigrantNormalizer normalizer, DuplicateDetection duplicates,
            Territory territory, @Qualifier("importExecutor") Executor executor, Clock clock) {
        this.jobs = jobs;
        this.households = households;
        this.normalizer = normalizer;
        this.duplicates = duplicates;
        this.territory = territory;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Takes the upload (CSV, or an Excel workbook whose first sheet is read), checks its header and queues the
     * import.
     *
     * @param declared the charset the request's {@code Content-Type} names, or null to tell from the file
     * @throws InvalidFieldException naming {@code header} when columns are unknown or missing; nothing is imported
     */
    public ImportJob start(InputStream csv, Charset declared, Actor officer) {
        Path file = null;
        try {
            file = Files.createTempFile("ddesk-import-", ".csv");
            Files.copy(csv, file, StandardCopyOption.REPLACE_EXISTING);
            if (Workbook.isWorkbook(file)) {
                Workbook.toCsv(file);
            }
            else {
                UploadEncoding.toUtf8(file, declared);
            }
            ImportFile.checkHeader(file);
            long rows = ImportFile.countRows(file);
            ImportJob job = new ImportJob(UUID.randomUUID().toString(), officer.userId(), officer.area(),
                    ImportJob.Status.QUEUED, rows, 0, 0, 0, 0, 0, 0, clock.instant(), null, null, null);
            jobs.save(job);
            Path queued = file;
            executor.execute(() -> run(job, queued, officer));
            return job;
        }
        catch (IOException ex) {
            deleteQuietly(file);
            throw new UncheckedIOException("could not store the upload", ex);
        }
        catch (RuntimeException ex) {
            deleteQuietly(file);
            throw ex;
        }
    }

    public ImportJob job(String id, Actor reader) {
        return jobs.find(id).filter(job -> visibleTo(job, reader)).orElseThrow(() -> new NotFoundException("import", id));
    }

    public Iterable<RowError> errors(String id, Actor reader) {
        return jobs.errors(job(id, reader).id());
    }

    public Iterable<RowError> warnings(String id, Actor reader) {
        return jobs.warnings(job(id, reader).id());
    }

    /** An import cut short by a restart cannot resume from its temporary file; the officer uploads it again. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedImports() {
        for (ImportJob job : jobs.unfinished()) {
            jobs.save(job.failed(clock.instant(), "The service restarted during the import. Upload the file again: "
                    + "rows already imported are recognised by external_id and skipped."));
        }
    }

    private void run(ImportJob queued, Path file, Actor officer) {
        ImportJob[] job = { queued.running(clock.instant()) };
        jobs.save(job[0]);
        try {
            List<ImportRow> batch = new ArrayList<>(BATCH_SIZE);
            List<RowError> errors = new ArrayList<>();
            ImportFile.forEachRow(file, (line, values) -> {
                try {
                    batch.add(ImportRow.read(line, values, officer.userId()));
                }
                catch (ImportRow.RowRejected rejected) {
                    errors.add(new RowError(line, rejected.column().header(), rejected.value(), rejected.getMessage()));
                }
                if (batch.size() + errors.size() >= BATCH_SIZE) {
                    job[0] = writeBatch(job[0], batch, errors, officer);
                }
            });
            job[0] = writeBatch(job[0], batch, errors, officer);
            jobs.save(job[0].completed(clock.instant()));
            log.info("Import {} completed: {} rows, {} imported, {} already there, {} rejected", job[0].id(),
                    job[0].rowsDone(), job[0].rowsImported(), job[0].rowsSkipped(), job[0].rowsRejected());
        }
        catch (IOException | RuntimeException ex) {
            log.error("Import {} failed", queued.id(), ex);
            jobs.save(job[0].failed(clock.instant(), "The import stopped at an unexpected error (" + ex.getMessage()
                    + "). Upload the file again: rows already imported are skipped."));
        }
        finally {
            deleteQuietly(file);
        }
    }

    /**
     * Writes one batch and records its progress; clears the batch and its errors. The database sees one
     * lookup of the batch's households, one bulk insert of the new ones, one bulk write of their match keys, one key
     * lookup, one read of the candidates' households, one bulk insert of the flagged pairs, one bulk write each of
     * the errors and warnings, and the progress; only households completed by a later batch are written one by one.
     */
    private ImportJob writeBatch(ImportJob job, List<ImportRow> batch, List<RowError> errors, Actor officer) {
        long rejectedWhileReading = errors.size();
        List<RowError> warnings = new ArrayList<>();
        Map<String, List<ImportRow>> byHousehold = new LinkedHashMap<>();
        for (ImportRow row : batch) {
            if (!territory.isLowestLevelUnit(row.municipalityCode())) {
                errors.add(new RowError(row.line(), ImportColumn.MUNICIPALITY_CODE.header(), row.municipalityCode(),
                        "not a municipality of " + territory.country()));
            }
            else if (!officer.covers(row.municipalityCode(), territory)) {
                errors.add(new RowError(row.line(), ImportColumn.MUNICIPALITY_CODE.header(), row.municipalityCode(),
                        "outside your area: the office of that municipality imports it"));
            }
            else {
                byHousehold.computeIfAbsent(row.householdId(), id -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Household> existing = households.findAll(byHousehold.keySet());
        List<HouseholdChange> inserts = new ArrayList<>();
        List<HouseholdChange> updates = new ArrayList<>();
        long imported = 0;
        long skipped = 0;
        for (List<ImportRow> rows : byHousehold.values()) {
            rows.forEach(row -> warnings.addAll(row.doubts()));
            List<Informant> informants = informants(rows, warnings);
            List<Migrant> migrants = migrants(rows, errors, warnings);
            if (migrants.isEmpty()) {
                continue;
            }
            ImportRow first = rows.get(0);
            Household before = existing.get(first.householdId());
            if (before == null) {
                inserts.add(Household.register(first.householdId(), first.municipalityCode(), first.locality(),
                        informants, migrants, first.provenance(), clock.instant()));
                imported += migrants.size();
            }
            else {
                migrants = withoutErased(before, rows, migrants, errors);
                Set<String> known = before.migrants().stream().map(Migrant::migrantId).collect(Collectors.toSet());
                long added = migrants.stream().filter(migrant -> !known.contains(migrant.migrantId())).count();
                updates.add(before.addMigrants(migrants, clock.instant()));
                imported += added;
                skipped += migrants.size() - added;
            }
        }
        try {
            households.insertAll(inserts);
        }
        catch (DuplicateKeyException concurrentImport) {
            // Another import created some of these households meanwhile: write them one by one instead.
            inserts.forEach(this::insertOrAdd);
        }
        updates.forEach(households::update);
        List<Household> changed = new ArrayList<>();
        inserts.forEach(change -> changed.add(change.household()));
        updates.stream().filter(change -> !change.events().isEmpty()).forEach(change -> changed.add(change.household()));
        // Indexed first, so that two records of the same person within one batch also find each other.
        duplicates.indexAll(changed);
        long possibleDuplicates = duplicates.review(changed, households::findAll, job.id());

        long rejected = errors.size();
        long done = batch.size() + rejectedWhileReading;
        if (!errors.isEmpty()) {
            jobs.addErrors(job.id(), errors);
        }
        if (!warnings.isEmpty()) {
            jobs.addWarnings(job.id(), warnings);
        }
        long warned = warnings.stream().map(RowError::line).distinct().count();
        batch.clear();
        errors.clear();
        ImportJob progressed = job.progressed(done, imported, skipped, rejected, possibleDuplicates, warned);
        jobs.save(progressed);
        return progressed;
    }

    /**
     * Migrants erased at their request stay erased: an old file imported again must not bring them back. Their
     * rows are refused, saying why.
     */
    private static List<Migrant> withoutErased(Household household, List<ImportRow> rows, List<Migrant> migrants,
            List<RowError> errors) {
        for (ImportRow row : rows) {
            if (household.wasErased(row.migrantId())) {
                errors.add(new RowError(row.line(), ImportColumn.EXTERNAL_ID.header(), row.externalId(),
                        "this person's data was erased at their request; they are not imported again"));
            }
        }
        return migrants.stream().filter(migrant -> !household.wasErased(migrant.migrantId())).toList();
    }

    /**
     * The group's valid migrants; a repeated {@code external_id} within the file is refused on its later line. A
     * number kept outside the ranges known to be assigned is a warning.
     */
    private List<Migrant> migrants(List<ImportRow> rows, List<RowError> errors, List<RowError> warnings) {
        List<Migrant> migrants = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ImportRow row : rows) {
            Optional<Migrant> migrant = normalize(row, errors);
            migrant.ifPresent(kept -> kept.phones().stream().filter(phone -> !normalizer.inAssignedRange(phone))
                .forEach(phone -> warnings.add(new RowError(row.line(), ImportColumn.PHONE.header(), phone,
                        MigrantNormalizer.OUTSIDE_ASSIGNED_RANGES))));
            if (migrant.isPresent() && !seen.add(migrant.get().migrantId())) {
                errors.add(new RowError(row.line(), ImportColumn.EXTERNAL_ID.header(), row.externalId(),
                        "the same external_id appears on an earlier line of this file"));
            }
            else {
                migrant.ifPresent(migrants::add);
            }
        }
        return migrants;
    }

    /**
     * The household's informant, from the first row that names one. A value that cannot be one (a mistyped or old
     * number, a language that is no language tag) is left out and the family member kept: a relative's detail never
     * costs the household its migrants. Both that and a number kept outside the ranges known to be assigned are
     * warnings; only a family member without a usable name is left out, with a warning too.
     */
    private List<Informant> informants(List<ImportRow> rows, List<RowError> warnings) {
        Optional<ImportRow> withInformant = rows.stream().filter(row -> row.informant() != null).findFirst();
        if (withInformant.isEmpty()) {
            return List.of();
        }
        ImportRow source = withInformant.get();
        Informant given = source.informant();
        while (true) {
            try {
                Informant informant = normalizer.informant(given, source.familyMemberId());
                if (informant.phone() != null && !normalizer.inAssignedRange(informant.phone())) {
                    warnings.add(new RowError(source.line(), ImportColumn.INFORMANT_PHONE.header(), given.phone(),
                            MigrantNormalizer.OUTSIDE_ASSIGNED_RANGES));
                }
                return List.of(informant);
            }
            catch (InvalidFieldException ex) {
                if ("phone".equals(ex.field())) {
                    warnings.add(new RowError(source.line(), ImportColumn.INFORMANT_PHONE.header(), given.phone(),
                            ex.getMessage() + " The household was imported without the informant's number; add it "
                                    + "when the family gives it again."));
                    given = new Informant(given.name(), given.relation(), null, null, given.sex(),
                            given.preferredLanguage(), given.consent());
                }
                else if ("preferredLanguage".equals(ex.field())) {
                    warnings.add(new RowError(source.line(), ImportColumn.INFORMANT_LANGUAGE.header(),
                            given.preferredLanguage(), ex.getMessage() + " The informant was imported without it."));
                    given = new Informant(given.name(), given.relation(), given.phone(), null, given.sex(), null,
                            given.consent());
                }
                else {
                    warnings.add(new RowError(source.line(), ImportColumn.INFORMANT_NAME.header(), given.name(),
                            ex.getMessage() + " The household was imported without its informant."));
                    return List.of();
                }
            }
        }
    }

    private void insertOrAdd(HouseholdChange registered) {
        try {
            households.insert(registered);
        }
        catch (DuplicateKeyException alreadyThere) {
            Household current = households.find(registered.household().id()).orElseThrow();
            households.update(current.addMigrants(registered.household().migrants(), clock.instant()));
        }
    }

    private Optional<Migrant> normalize(ImportRow row, List<RowError> errors) {
        try {
            return Optional.of(normalizer.migrant(row.migrant(), row.migrantId()));
        }
        catch (InvalidFieldException ex) {
            ImportColumn column = columnOf(ex.field());
            errors.add(new RowError(row.line(), column.header(), valueOf(row, column), ex.getMessage()));
            return Optional.empty();
        }
    }

    private static ImportColumn columnOf(String field) {
        String name = field.replaceAll("\\[\\d+]", "");
        return switch (name) {
            case "givenName" -> ImportColumn.GIVEN_NAME;
            case "sex" -> ImportColumn.SEX;
            case "lifecycleStage" -> ImportColumn.LIFECYCLE_STAGE;
            case "birthYear" -> ImportColumn.BIRTH_YEAR;
            case "departureYear" -> ImportColumn.DEPARTURE_YEAR;
            case "destinationCountry" -> ImportColumn.DESTINATION_COUNTRY;
            case "preferredLanguage" -> ImportColumn.LANGUAGE;
            case "phones" -> ImportColumn.PHONE;
            case "messengers" -> ImportColumn.MESSENGER;
            case "occupation" -> ImportColumn.OCCUPATION;
            case "skills" -> ImportColumn.SKILLS;
            case "education" -> ImportColumn.EDUCATION;
            case "verification.lastConfirmedContact" -> ImportColumn.COLLECTED_ON;
            default -> throw new IllegalStateException("no import column for field " + field);
        };
    }

    private static String valueOf(ImportRow row, ImportColumn column) {
        var migrant = row.migrant();
        return switch (column) {
            case BIRTH_YEAR -> String.valueOf(migrant.birthYear());
            case DEPARTURE_YEAR -> String.valueOf(migrant.departureYear());
            case DESTINATION_COUNTRY -> migrant.destinationCountry();
            case LANGUAGE -> migrant.preferredLanguage();
            case PHONE -> String.join(";", migrant.phones());
            case MESSENGER -> String.join(";", migrant.messengers());
            case SKILLS -> String.join(";", migrant.skills());
            case OCCUPATION -> migrant.occupation();
            case EDUCATION -> migrant.education();
            case COLLECTED_ON -> migrant.verification() == null ? ""
                    : String.valueOf(migrant.verification().lastConfirmedContact());
            default -> "";
        };
    }

    private static boolean visibleTo(ImportJob job, Actor reader) {
        return job.area() != null && reader.area() != null && job.area().equals(reader.area());
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            log.warn("Could not delete the temporary upload {}: {}", file, ex.toString());
        }
    }
}
