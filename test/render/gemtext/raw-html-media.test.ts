import { beforeAll, describe, expect, it } from 'vitest';
import { compileFile } from '../../../src/compile/compile-file.js';
import type { CompileOptions } from '../../../src/compile/compiled.js';
import { serializeLines } from '../../../src/render/gemtext/lines.js';
import { loadRawHtmlParsers } from '../../../src/render/raw-html.js';
import { slotOf } from '../../../src/render/slots.js';

// Bodies with raw HTML need its parsers, which a build loads when a text has a `<`.
beforeAll(loadRawHtmlParsers);

/** A body's capsule text, compiled as a build compiles it, each link's URL as written. */
function capsuleText(text: string, links: CompileOptions['links'] = 'paragraph'): string {
  const { body } = compileFile({ path: 'content/issues/1/10-a.md', text }, { html: 'sanitize', links });
  const lines = body.content!.gemtext.map((line) => (line.type === 'link' ? { ...line, url: slotOf(line.url, body.slots)?.url ?? line.url } : line));
  return serializeLines(lines);
}

describe('raw audio and video in gemtext', () => {
  it('links the files of an audio or video element, labelled by its fallback text, its subtitles by their label, and its poster', () => {
    const text = [
      '<audio controls><source src="clip.ogg" type="audio/ogg"></audio>',
      '<audio controls src="clip.ogg"></audio>',
      '<video controls poster="pic.svg" width="320"><source src="movie.mp4" type="video/mp4"><track kind="subtitles" src="subs.vtt" srclang="en" label="English">Fallback text for video.</video>',
      '<audio controls src="sound.mp3">Your browser has no audio.</audio>',
      '',
    ].join('\n\n');
    expect(capsuleText(text)).toBe(
      '=> clip.ogg\n\n=> clip.ogg\n\n' +
        'Fallback text for video.\n\n=> movie.mp4 Fallback text for video.\n=> subs.vtt English\n=> pic.svg\n\n' +
        'Your browser has no audio.\n\n=> sound.mp3 Your browser has no audio.\n',
    );
  });

  it('links each source once, naming its file after the fallback text, and only the src when there is one', () => {
    const text = [
      'Hear <audio controls><source src="a.ogg"><source src="a.mp3"><source src="a.ogg"><track kind="captions" src="a.vtt" srclang="fr"><track kind="metadata" src="cues.vtt">the song</audio> now.',
      '<video src="only.mp4"><source src="ignored.webm"></video>',
      '',
    ].join('\n\n');
    expect(capsuleText(text)).toBe('Hear the song now.\n\n=> a.ogg the song (a.ogg)\n=> a.mp3 the song (a.mp3)\n=> a.vtt fr\n\n=> only.mp4\n');
  });

  it('links the files of a video inside a block of raw HTML after its fallback, and those of a video in preformatted text after the block', () => {
    const text = '<figure>\n<video controls src="b.mp4">\n<p>Block fallback</p>\n</video>\n<figcaption>Cap</figcaption>\n</figure>\n\n<div>A <video src="c.mp4">clip</video> here.</div>\n\n<pre>x <audio src="d.ogg">sound</audio></pre>\n';
    expect(capsuleText(text)).toBe('Block fallback\n\n=> b.mp4 Block fallback\n\nCap\n\nA clip here.\n\n=> c.mp4 clip\n\n```\nx sound\n```\n\n=> d.ogg sound\n');
  });

  it('keeps the files of audio and video, which are content as images are, with gemini.links: off', () => {
    expect(capsuleText('See <a href="https://example.org/">this</a> <audio src="e.ogg">a song</audio>.\n', 'off')).toBe('See this a song.\n\n=> e.ogg a song\n');
  });

  it('writes no => line for a file the web page\'s sanitizer removes', () => {
    expect(capsuleText('<audio src="javascript:alert(1)">gone</audio> and <video poster="data:text/html,x" src="f.mp4"></video>\n')).toBe('gone and\n\n=> f.mp4\n');
  });
});
