// Clauses and their weights, and which parts of a clause are negated, on normalised text.
//
// A reason is cut into clauses at punctuation and at contrast words. Text after "but / however /
// 但是 / 不过 / 可是 / 只是 …" weighs twice as much as what came before ("price was fine but nobody
// followed up"); a clause opened by "although / 虽然 / 尽管" weighs half; a clause naming the
// "main" reason weighs 1.5×. Negation: a cue right after "not the / 不是 / 并非" or right before an
// all-clear ("fine", "没问题", "还行", "不贵") is negated: the model sees it under another name.

export interface Segment {
  start: number;
  end: number;
  weight: number;
}

/** Clause breaks: punctuation, line breaks, and spaces between two Chinese characters. */
const BREAK_RE = /[,.;:!?。、…~\n|]+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|\s+-+\s+/;
/**
 * Contrast words, and words that lead to the trigger of leaving ("…, so they left for X",
 * "最后去了…"): what follows them weighs more.
 */
const CONTRAST_RE =
  /\b(?:but|however|yet(?! to\b)|though|instead|actually|except that|in the end|eventually|so(?= (?:they|she|he|we|the customer|the dealer|the owner) (?:just )?(?:left|went|moved|switched|started|now)\b))\b|所以|于是|最后|最终|后来就|但是|可是|不过(?<!比不过|拼不过|打不过|争不过|干不过|斗不过)|然而|只是|就是|而是|但|其实|实际上/;
/** Concession openers: what follows them (to the next break) weighs less. */
const CONCESSION_RE = /\b(?:although|even though|(?<!a )while)\b|虽然|虽说|尽管|即使|哪怕/;
const EMPHASIS_RE =
  /主要|最大的?原因|根本|最关键|关键是|真正(?:的)?原因|\breal (?:reason|problem|issue)\b|\bwhat (?:really|finally) (?:did it|annoyed|mattered|tipped)\b|\bwhat finished it\b|\bmain(?:ly)?\b|\bmostly\b|\bprimarily\b|\bbiggest (?:issue|reason|problem)\b|\bmain (?:issue|reason|problem)\b|\breal reason\b|\bthe reason is\b/;

/** All three in one pass: group 1 a break, group 2 a contrast, group 3 a concession. */
const MARK_RE = new RegExp(`(${BREAK_RE.source})|(${CONTRAST_RE.source})|(${CONCESSION_RE.source})`, 'g');

export function segment(s: string): Segment[] {
  const segs: Segment[] = [];
  let level = 0;
  let conceding = false;
  let pos = 0;
  const push = (end: number) => {
    if (end > pos) segs.push({ start: pos, end, weight: Math.min(4, 2 ** level) * (conceding ? 0.5 : 1) });
  };
  MARK_RE.lastIndex = 0;
  for (let m = MARK_RE.exec(s); m; m = MARK_RE.exec(s)) {
    push(m.index);
    pos = m.index + m[0].length;
    if (m[2] !== undefined) {
      level++;
      conceding = false;
    } else conceding = m[3] !== undefined;
  }
  push(s.length);
  // Punctuation only ("?", "-", "…"): one clause, so the marks themselves are features.
  if (segs.length === 0 && s.length > 0) segs.push({ start: 0, end: s.length, weight: 1 });
  for (const g of segs) if (EMPHASIS_RE.test(s.slice(g.start, g.end))) g.weight *= 1.5;
  return segs;
}

// ---------------------------------------------------------------------------------------------
// Negation of a rule hit (the cue itself is known)

/** A negation right before a cue ("not the price", "no problem with quality", "不是价格", "不贵"). */
const PRE_NEG = new RegExp(
  String.raw`(?:\b(?:not|never|wasn't|isn't|weren't|aren't|no|nothing|without)(?:\s+(?:really|just|only|about|because|due|to|of|the|a|an|that|so|too|very|our|their|its|his|her|any|had|have|has|been|was|were|is|are|problems?|issues?|complaints?|wrong|with|related))*\s*` +
    String.raw`|(?:不是|并非|并不是|不算|并不|没有|没|不|无关)(?:因为|由于|说)?(?:你们|我们|他们)?的?)$`,
);
/** An all-clear right after a cue ("price was fine", "质量没问题", "价格还行"). */
const POST_NEG = new RegExp(
  String.raw`^\s*(?:(?:is|was|were|are|'s|has been|had been|seemed|seems|itself|wise|-wise|always|actually|totally|quite|pretty|perfectly)\s*)*` +
    String.raw`(?:fine|ok|okay|fair|good|great|reasonable|competitive|acceptable|decent|solid|excellent|not (?:an? |the )?(?:issue|problem|reason|factor|concern)|no (?:issue|problem)s?` +
    String.raw`|never (?:an? )?(?:issue|problem)|(?:wasn't|isn't|weren't|aren't) (?:an? |the )?(?:issue|problem|reason|factor|concern))\b` +
    String.raw`|^(?:方面|上|这块|这边|倒是|其实|本身|都|也|还|的话|问题)*(?:还行|还可以|可以(?=$|\s|但|就|只|不过|可是)|没有?(?:什么|啥)?问题|不是(?:什么)?问题|不是(?:主要)?原因|问题不大|没毛病|挺好|不错|合理` +
    String.raw`|并?不(?:差|坏|算(?:差|贵|高)|太差)|不贵|还好|ok|也行|公道|不高|正常(?=$|\s)|稳定(?=$|\s)|没得说|没话说|没关系|无关|(?:很|都|也)?好(?=$|\s|的|啊|呀)|满意|可接受|能接受|没意见)`,
);

/** Whether a rule hit at [at, end) inside clause [start, segEnd) is negated. */
export function isNegatedHit(s: string, start: number, segEnd: number, at: number, end: number): boolean {
  const pre = s.slice(Math.max(start, at - 40), at);
  // PRE_NEG is anchored at the end only, so it is tried at every position: rule out most slices first.
  if (NEG_WORD.test(pre) && PRE_NEG.test(pre)) return true;
  return POST_NEG.test(s.slice(end, segEnd));
}
const NEG_WORD = /\b(?:not|never|no|nothing|without)\b|n't|不|没|并非|无关/;

// ---------------------------------------------------------------------------------------------
// Negation scopes for n-grams (any text, no cue known)

/** Opens a scope to the end of the clause: "not the …", "不是 …", "并非 …". */
const SCOPE_OPEN_RE =
  /\b(?:not|wasn't|isn't|weren't|aren't|wasnt|isnt|werent|arent)(?= (?:the|because|about|due|related|really about|so much|a|an|our|their|its|his|her|my)\b)|\bnothing to do with\b|\bno (?:problems?|issues?|complaints?) (?:with|about)\b|不是|并非|并不|不算|不因为|不在于/g;
/** Closes a scope that started at the clause start: "… was fine", "… 没问题", "… 还行". */
const ALL_CLEAR_RE =
  /\b(?:(?:is|was|were|are|'s|has been|had been|seemed|seems)\s+(?:\w+\s+)?)?(?:fine|ok|okay|fair|reasonable|acceptable|decent|not (?:an? |the )?(?:issue|problem|reason|factor|concern)|no (?:issue|problem)s?|never (?:an? )?(?:issue|problem))\b|\b(?:is|was|were|are|'s)\s+(?:good|great|excellent|competitive)\b|还行|还可以|可以(?=$|\s|[,.;:!?]|但|就|只|不过|可是)|没有?(?:什么|啥)?问题|不是(?:什么)?问题|不是(?:主要)?原因|问题不大|没毛病|挺好|不错|不贵|不差|还好|公道|没得说|没话说|可接受|能接受|没意见/g;
/** Scopes reach at most this many characters. */
const SCOPE_LEN = 24;

/**
 * 1 for each character inside a negation scope ("价格不是问题": 价格 and the all-clear itself;
 * "not the price": "the price"). Scopes stop at clause ends.
 */
export function negationMask(s: string, segs: readonly Segment[]): Uint8Array {
  // Most reasons have no negation: the mask is made at the first scope found.
  let mask = EMPTY;
  let any = false;
  for (const seg of segs) {
    const clause = s.slice(seg.start, seg.end);
    if (clause.length < 2) continue;
    SCOPE_OPEN_RE.lastIndex = 0;
    for (let m = SCOPE_OPEN_RE.exec(clause); m; m = SCOPE_OPEN_RE.exec(clause)) {
      const from = seg.start + m.index + m[0].length;
      const to = Math.min(seg.end, from + SCOPE_LEN);
      if (!any) mask = new Uint8Array(s.length);
      for (let k = from; k < to; k++) mask[k] = 1;
      any = true;
    }
    ALL_CLEAR_RE.lastIndex = 0;
    for (let m = ALL_CLEAR_RE.exec(clause); m; m = ALL_CLEAR_RE.exec(clause)) {
      if (m[0].length === 0) {
        ALL_CLEAR_RE.lastIndex++;
        continue;
      }
      const at = seg.start + m.index;
      const from = Math.max(seg.start, at - SCOPE_LEN);
      if (!any) mask = new Uint8Array(s.length);
      for (let k = from; k < at + m[0].length; k++) mask[k] = 1;
      any = true;
    }
  }
  return any ? mask : EMPTY;
}
const EMPTY = new Uint8Array(0);
