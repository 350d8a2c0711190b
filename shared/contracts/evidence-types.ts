/**
 * Evidence residents attach to a report: the limits and the kinds of file accepted, said
 * once for the upload policy, the processing function, the form's hints and its script.
 * A file's kind is what its first bytes say it is (its "magic bytes"), never its name.
 */
export const EVIDENCE_LIMITS = {
  /** Files per report (clean ones: a refused file does not take a place). */
  files: 5,
  /** Bytes per file: 20 MB. */
  bytes: 20 * 1024 * 1024,
  /** Characters in a file's name, as shown to officers. */
  nameLength: 200,
} as const;

export type EvidenceKind = 'photo' | 'audio' | 'video' | 'document';

/** Every type accepted, by the media type its content shows, with what it is called. */
export const EVIDENCE_TYPES = {
  'image/jpeg': { kind: 'photo', label: 'JPEG photo', extensions: ['.jpg', '.jpeg'] },
  'image/png': { kind: 'photo', label: 'PNG image', extensions: ['.png'] },
  'image/heic': { kind: 'photo', label: 'HEIC photo', extensions: ['.heic'] },
  'image/heif': { kind: 'photo', label: 'HEIF photo', extensions: ['.heif'] },
  'image/webp': { kind: 'photo', label: 'WebP image', extensions: ['.webp'] },
  'audio/mpeg': { kind: 'audio', label: 'MP3 recording', extensions: ['.mp3'] },
  'audio/x-m4a': { kind: 'audio', label: 'M4A recording', extensions: ['.m4a'] },
  'audio/mp4': { kind: 'audio', label: 'M4A recording', extensions: ['.m4a'] },
  'audio/wav': { kind: 'audio', label: 'WAV recording', extensions: ['.wav'] },
  'video/mp4': { kind: 'video', label: 'MP4 video', extensions: ['.mp4'] },
  'application/pdf': { kind: 'document', label: 'PDF document', extensions: ['.pdf'] },
} as const satisfies Record<string, { kind: EvidenceKind; label: string; extensions: readonly string[] }>;

export type EvidenceMediaType = keyof typeof EVIDENCE_TYPES;

export const isEvidenceMediaType = (value: string): value is EvidenceMediaType => Object.hasOwn(EVIDENCE_TYPES, value);

/** The file input's `accept`: the extensions and types above, so a phone offers the right files. */
export const EVIDENCE_ACCEPT = [...new Set(Object.entries(EVIDENCE_TYPES).flatMap(([type, { extensions }]) => [...extensions, type]))].join(
  ',',
);

/** "JPEG, PNG, HEIC…": the accepted types in a sentence, for hints and messages. */
export const EVIDENCE_TYPES_IN_WORDS = 'photos (JPEG, PNG, HEIC or WebP), recordings (MP3, M4A or WAV), videos (MP4) and PDF documents';

/** Sizes as people read them: "4.2 MB", "380 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
