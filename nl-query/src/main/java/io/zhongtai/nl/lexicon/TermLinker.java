package io.zhongtai.nl.lexicon;

import io.zhongtai.nl.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Finds the lexicon's names in a question's tokens: at each token the longest run of tokens that
 * is a name wins; a Chinese word that is no name itself is searched for names inside it (华东区
 * holds 华东). Tokens that another reader has taken (time expressions) are skipped.
 */
public final class TermLinker {
    private final Lexicon lexicon;

    public TermLinker(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * @param taken says, by token index, which tokens are already taken
     */
    public List<Mention> link(List<Token> tokens, IntPredicate taken) {
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (taken.test(i) || tokens.get(i).isPunctuation()) {
                i++;
                continue;
            }
            int limit = i;
            while (limit < tokens.size() && limit - i < Lexicon.MAX_TOKENS && !taken.test(limit)) {
                limit++;
            }
            Mention found = null;
            for (int end = limit; end > i && found == null; end--) {
                List<Token> run = tokens.subList(i, end);
                if (run.get(run.size() - 1).isPunctuation()) {
                    continue;
                }
                List<TermRef> refs = lexicon.lookup(Lexicon.key(run));
                if (refs.isEmpty() && end - i == 1 && run.get(0).kind() == Token.Kind.WORD) {
                    refs = lexicon.lookup(singular(run.get(0).text()));
                }
                if (!refs.isEmpty()) {
                    found = new Mention(i, end, run.get(0).start(), run.get(run.size() - 1).end(),
                            Lexicon.key(run), refs);
                }
            }
            if (found != null) {
                mentions.add(found);
                i = found.endToken();
                continue;
            }
            i++;
        }
        mentions.addAll(repairSegmentation(tokens, taken, mentions));
        mentions.sort(java.util.Comparator.comparingInt(Mention::start));
        return mentions;
    }

    /**
     * Names that segmentation cut across (各类目的 segmented 各类 / 目的 hides 类目) or hid inside a
     * longer word (华东区): searched character by character in runs of Chinese words that no
     * name covers yet.
     */
    private List<Mention> repairSegmentation(List<Token> tokens, IntPredicate taken, List<Mention> found) {
        List<Mention> repaired = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (tokens.get(i).kind() != Token.Kind.HAN || taken.test(i)) {
                i++;
                continue;
            }
            int end = i;
            while (end < tokens.size() && tokens.get(end).kind() == Token.Kind.HAN && !taken.test(end)
                    && (end == i || tokens.get(end).start() == tokens.get(end - 1).end())) {
                end++;
            }
            int runStart = tokens.get(i).start();
            StringBuilder run = new StringBuilder();
            for (int k = i; k < end; k++) {
                run.append(tokens.get(k).text());
            }
            String text = run.toString();
            int from = 0;
            while (from < text.length()) {
                int offset = runStart + from;
                if (covered(found, offset)) {
                    from++;
                    continue;
                }
                String match = null;
                for (String key : lexicon.hanKeys()) {
                    if (text.startsWith(key, from) && !coveredAny(found, offset, offset + key.length())) {
                        match = key;
                        break;
                    }
                }
                if (match == null) {
                    from++;
                    continue;
                }
                int first = tokenAt(tokens, offset);
                int last = tokenAt(tokens, offset + match.length() - 1);
                repaired.add(new Mention(first, last + 1, offset, offset + match.length(), match, lexicon.lookup(match)));
                from += match.length();
            }
            i = end;
        }
        return repaired;
    }

    private static boolean covered(List<Mention> mentions, int offset) {
        return mentions.stream().anyMatch(m -> m.start() <= offset && offset < m.end());
    }

    private static boolean coveredAny(List<Mention> mentions, int start, int end) {
        return mentions.stream().anyMatch(m -> m.start() < end && start < m.end());
    }

    private static int tokenAt(List<Token> tokens, int offset) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).start() <= offset && offset < tokens.get(k).end()) {
                return k;
            }
        }
        return tokens.size() - 1;
    }

    private static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("es") && word.length() > 3 && (word.endsWith("ses") || word.endsWith("xes") || word.endsWith("ches"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && word.length() > 3) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
