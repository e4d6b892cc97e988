package org.diasporadesk.chassis.territory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * A country's territorial hierarchy, read from a data file so that another country needs a new file, not
 * new code. Levels are listed from the lowest (where households are registered) to the top.
 */
public final class Territory {

    private final String country;
    private final String version;
    private final List<String> levels;
    private final Map<String, TerritorialUnit> units;

    private Territory(TerritoryFile file) {
        this.country = file.country();
        this.version = file.version();
        this.levels = List.copyOf(file.levels());
        Map<String, TerritorialUnit> byCode = new LinkedHashMap<>();
        for (TerritorialUnit unit : file.units()) {
            if (byCode.put(unit.code(), unit) != null) {
                throw new IllegalArgumentException("territory file lists unit " + unit.code() + " twice");
            }
        }
        for (TerritorialUnit unit : byCode.values()) {
            if (!levels.contains(unit.level())) {
                throw new IllegalArgumentException("unit " + unit.code() + " has unknown level " + unit.level());
            }
            if (unit.parent() != null && !byCode.containsKey(unit.parent())) {
                throw new IllegalArgumentException("unit " + unit.code() + " has unknown parent " + unit.parent());
            }
        }
        this.units = Collections.unmodifiableMap(byCode);
    }

    public static Territory read(InputStream json) throws IOException {
        return new Territory(JsonMapper.builder().build().readValue(json, TerritoryFile.class));
    }

    public String country() {
        return country;
    }

    public String version() {
        return version;
    }

    /** The level at which households are registered ({@code municipality} in Georgia). */
    public String lowestLevel() {
        return levels.get(0);
    }

    public Optional<TerritorialUnit> unit(String code) {
        return Optional.ofNullable(code).map(units::get);
    }

    public boolean isLowestLevelUnit(String code) {
        return unit(code).map(unit -> unit.level().equals(lowestLevel())).orElse(false);
    }

    /** The unit itself, then its parent, up to the top. Empty for an unknown code. */
    public List<TerritorialUnit> lineage(String code) {
        List<TerritorialUnit> lineage = new ArrayList<>();
        Optional<TerritorialUnit> current = unit(code);
        while (current.isPresent()) {
            lineage.add(current.get());
            current = unit(current.get().parent());
        }
        return lineage;
    }

    /** Whether {@code code} is {@code areaCode} or lies below it. */
    public boolean isWithin(String code, String areaCode) {
        return lineage(code).stream().anyMatch(unit -> unit.code().equals(areaCode));
    }

    /** Codes of all lowest-level units (municipalities), in file order. */
    public List<String> lowestLevelUnits() {
        return units.values().stream()
            .filter(unit -> unit.level().equals(lowestLevel()))
            .map(TerritorialUnit::code)
            .toList();
    }

    /** Codes of the lowest-level units that are {@code areaCode} or lie below it, in file order. */
    public List<String> lowestLevelUnitsWithin(String areaCode) {
        return lowestLevelUnits().stream().filter(code -> isWithin(code, areaCode)).toList();
    }

    /** The units directly below {@code code}, in file order. */
    public List<TerritorialUnit> children(String code) {
        return units.values().stream().filter(unit -> code.equals(unit.parent())).toList();
    }

    public List<TerritorialUnit> units() {
        return List.copyOf(units.values());
    }

    record TerritoryFile(String country, String version, String description, List<String> levels,
            List<TerritorialUnit> units) {
    }
}
