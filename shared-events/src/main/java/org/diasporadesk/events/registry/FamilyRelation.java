package org.diasporadesk.events.registry;

import java.util.Locale;
import java.util.Map;

/**
 * A family member's relation to the household's migrants as a category that figures can count by. The registry
 * keeps the relation as the office wrote it ("mother", "დედა", "мать"); only this category leaves it.
 */
public enum FamilyRelation {
    PARENT,
    SPOUSE,
    CHILD,
    SIBLING,
    GRANDPARENT,
    OTHER;

    private static final Map<String, FamilyRelation> WORDS = Map.ofEntries(
            Map.entry("mother", PARENT), Map.entry("father", PARENT), Map.entry("parent", PARENT),
            Map.entry("mom", PARENT), Map.entry("dad", PARENT),
            Map.entry("დედა", PARENT), Map.entry("მამა", PARENT), Map.entry("мать", PARENT), Map.entry("мама", PARENT),
            Map.entry("отец", PARENT), Map.entry("папа", PARENT),
            Map.entry("wife", SPOUSE), Map.entry("husband", SPOUSE), Map.entry("spouse", SPOUSE),
            Map.entry("მეუღლე", SPOUSE), Map.entry("ცოლი", SPOUSE), Map.entry("ქმარი", SPOUSE),
            Map.entry("жена", SPOUSE), Map.entry("муж", SPOUSE), Map.entry("супруга", SPOUSE),
            Map.entry("супруг", SPOUSE),
            Map.entry("son", CHILD), Map.entry("daughter", CHILD), Map.entry("child", CHILD),
            Map.entry("შვილი", CHILD), Map.entry("ვაჟი", CHILD), Map.entry("ქალიშვილი", CHILD),
            Map.entry("сын", CHILD), Map.entry("дочь", CHILD),
            Map.entry("brother", SIBLING), Map.entry("sister", SIBLING), Map.entry("sibling", SIBLING),
            Map.entry("ძმა", SIBLING), Map.entry("და", SIBLING), Map.entry("брат", SIBLING), Map.entry("сестра", SIBLING),
            Map.entry("grandmother", GRANDPARENT), Map.entry("grandfather", GRANDPARENT),
            Map.entry("grandparent", GRANDPARENT), Map.entry("ბებია", GRANDPARENT), Map.entry("ბაბუა", GRANDPARENT),
            Map.entry("бабушка", GRANDPARENT), Map.entry("дедушка", GRANDPARENT));

    /** The category of a relation as written; OTHER for one not known here (an aunt, a neighbour) or none. */
    public static FamilyRelation of(String written) {
        if (written == null) {
            return OTHER;
        }
        return WORDS.getOrDefault(written.strip().toLowerCase(Locale.ROOT), OTHER);
    }
}
