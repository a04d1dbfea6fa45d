import { CALL_MIN_MS, CALL_REPEAT, callSpeech, callText } from '../../types/domain/board'

/**
 * The hall's voice: each new call gets a chime, then its sentence spoken CALL_REPEAT times, and
 * stays on the banner at least CALL_MIN_MS; calls wait their turn, one at a time, and an utterance
 * is never cut off by the next (patterns of open queue-calling code, e.g. flutter_tts #609's
 * repeat and luanQT's playVoice gaps).
 *
 * Chrome blocks speechSynthesis.speak() until the page had a user gesture (since M71; the
 * utterance fails with `not-allowed`), unless the browser runs with
 * `--autoplay-policy=no-user-gesture-required`. So the board probes the audio state at boot,
 * asks for one tap (「点击启用语音」) when it is locked, and marks 「语音未启用」 in red whenever
 * speech cannot be heard: locked, unsupported, or the last utterance failed.
 */

export type VoiceState = 'ready' | 'locked' | 'unsupported' | 'failed'

export interface Call {
  ticket: string
  windowNumber: number
}

export interface AnnouncerUi {
  banner(call: Call | null, text: string): void
  voice(state: VoiceState): void
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
/** An utterance whose end never comes (a known Chrome quirk with long queues) is given up after this. */
const UTTERANCE_MAX_MS = 10_000
const GAP_MS = 500

type AudioCtor = typeof AudioContext

export class Announcer {
  private readonly queue: Call[] = []
  private running = false
  private state: VoiceState
  private audio: AudioContext | null = null

  constructor(private readonly ui: AnnouncerUi) {
    this.state =
      typeof window.speechSynthesis === 'undefined' || typeof window.SpeechSynthesisUtterance === 'undefined' ? 'unsupported' : 'locked'
    const Ctor = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioCtor }).webkitAudioContext) as
      AudioCtor | undefined
    if (Ctor) {
      try {
        this.audio = new Ctor()
      } catch {
        this.audio = null
      }
    }
    // With the kiosk flag the audio context starts running: no tap is needed.
    if (this.state === 'locked' && this.audio?.state === 'running') this.state = 'ready'
    ui.voice(this.state)
  }

  get voice(): VoiceState {
    return this.state
  }

  /** The tap on 「点击启用语音」: a user gesture unlocks both the audio context and speech. */
  async unlock(): Promise<void> {
    if (this.state === 'unsupported') return
    await this.audio?.resume().catch(() => {})
    this.set('ready')
    const ok = await this.say('语音播报已启用')
    if (!ok && this.state === 'ready') this.set('failed')
  }

  announce(call: Call): void {
    this.queue.push(call)
    if (!this.running) void this.run()
  }

  private set(state: VoiceState) {
    if (this.state === state) return
    this.state = state
    this.ui.voice(state)
  }

  private async run(): Promise<void> {
    this.running = true
    try {
      for (let call = this.queue.shift(); call; call = this.queue.shift()) {
        const started = Date.now()
        this.ui.banner(call, callText(call.ticket, call.windowNumber))
        if (this.audible()) {
          await this.chime()
          for (let i = 0; i < CALL_REPEAT && this.audible(); i++) {
            if (i > 0) await sleep(GAP_MS)
            await this.say(callSpeech(call.ticket, call.windowNumber))
          }
        }
        // A timer may fire a millisecond early by the wall clock: wait until the time has really passed.
        while (Date.now() - started < CALL_MIN_MS) await sleep(CALL_MIN_MS - (Date.now() - started))
      }
    } finally {
      this.running = false
      this.ui.banner(null, '')
    }
  }

  /** Ready, or failed last time (a failure may pass: the next call tries again); a locked voice waits for the tap. */
  private audible(): boolean {
    return this.state === 'ready' || this.state === 'failed'
  }

  /** Speaks once; false when it failed (then the voice is marked unavailable). */
  private say(text: string): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      let done = false
      const finish = (ok: boolean) => {
        if (done) return
        done = true
        clearTimeout(timer)
        resolve(ok)
      }
      const timer = setTimeout(() => finish(true), UTTERANCE_MAX_MS)
      try {
        const u = new SpeechSynthesisUtterance(text)
        u.lang = 'zh-CN'
        u.rate = 0.9
        const voice = window.speechSynthesis.getVoices().find((v) => /^zh(-|_)?CN/i.test(v.lang) || /^zh/i.test(v.lang))
        if (voice) u.voice = voice
        u.onend = () => {
          if (this.state === 'failed') this.set('ready')
          finish(true)
        }
        u.onerror = (e) => {
          // `interrupted`/`canceled` come from our own cancel(); anything else means nobody heard it.
          if (e.error === 'interrupted' || e.error === 'canceled') return finish(true)
          this.set(e.error === 'not-allowed' ? 'locked' : 'failed')
          finish(false)
        }
        window.speechSynthesis.speak(u)
      } catch {
        this.set('failed')
        finish(false)
      }
    })
  }

  /** A two-tone 叮咚 before the sentence, so heads turn before the number is said. */
  private async chime(): Promise<void> {
    const ctx = this.audio
    if (!ctx || ctx.state !== 'running') return
    const at = ctx.currentTime
    for (const [freq, offset] of [
      [880, 0],
      [660, 0.4],
    ] as const) {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = 'sine'
      osc.frequency.value = freq
      gain.gain.setValueAtTime(0.0001, at + offset)
      gain.gain.exponentialRampToValueAtTime(0.5, at + offset + 0.03)
      gain.gain.exponentialRampToValueAtTime(0.0001, at + offset + 0.6)
      osc.connect(gain).connect(ctx.destination)
      osc.start(at + offset)
      osc.stop(at + offset + 0.65)
    }
    await sleep(1_100)
  }
}
