// A streaming answer as Markdown: frozen chunks plus a live tail, kept scrolled to the end while the visitor does not scroll away.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../../ui/quorum-markdown.js';
import { chunkStreamText, type TextChunks } from './stream-chunks.js';

/** How close to the end still counts as "at the end" (px): a frame of new text may add a line or two. */
const END_SLACK_PX = 64;

/**
 * Renders into its own light DOM, so the column's styles (.chunk, .long) apply and the text stays
 * readable through the column's shadow root. It is the scroll area itself.
 */
@customElement('quorum-stream-text')
export class QuorumStreamText extends LitElement {
  @property({ attribute: false }) text = '';
  /** Identifies the call whose text this is: a new key starts new chunks and follows the end again. */
  @property({ attribute: false }) key = '';
  /** The text is still arriving: its unfinished end is tidied (see tidyStreamingMarkdown). */
  @property({ type: Boolean }) streaming = false;
  private chunks: TextChunks | null = null;
  private chunksKey = '';
  private follow = true;
  /** The next scroll event is the one keepAtEnd caused. */
  private ownScroll = false;
  /** The visitor scrolled since the last check: whether to keep following is decided after layout. */
  private visitorScrolled = false;
  private readonly resize = new ResizeObserver(() => this.keepAtEnd());

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('scroll', this.onScroll, { passive: true });
    if (this.hasUpdated) this.observeFlow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('scroll', this.onScroll);
    this.resize.disconnect();
  }

  override render() {
    if (this.key !== this.chunksKey) {
      this.chunks = null;
      this.chunksKey = this.key;
      this.follow = true;
    }
    const chunks = chunkStreamText(this.chunks, this.text);
    this.chunks = chunks;
    // Past the first chunk the text overflows anyway: a fixed size makes the area a layout boundary.
    this.classList.toggle('long', chunks.frozen.length > 0);
    // A frozen chunk's text never changes, so its Markdown is rendered once.
    return html`<div class="flow">
      ${chunks.frozen.map((chunk) => html`<quorum-markdown class="chunk" .text=${chunk}></quorum-markdown>`)}
      <quorum-markdown .text=${chunks.tail} .streaming=${this.streaming}></quorum-markdown>
    </div>`;
  }

  protected override firstUpdated(): void {
    this.observeFlow();
  }

  private observeFlow(): void {
    const flow = this.querySelector(':scope > .flow');
    if (flow) this.resize.observe(flow);
  }

  /**
   * Runs from the ResizeObserver, after layout: reading scrollHeight there costs no extra layout,
   * and writing scrollTop only moves the scroll offset, once per frame per column.
   */
  private keepAtEnd(): void {
    if (this.visitorScrolled) {
      this.visitorScrolled = false;
      this.follow = this.scrollTop + this.clientHeight >= this.scrollHeight - END_SLACK_PX;
    }
    if (!this.follow || this.scrollTop + this.clientHeight >= this.scrollHeight) return;
    this.ownScroll = true;
    this.scrollTop = this.scrollHeight;
  }

  /** Reads nothing: reading scroll positions here would force a layout in the middle of a frame. */
  private readonly onScroll = (): void => {
    if (this.ownScroll) this.ownScroll = false;
    else this.visitorScrolled = true;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-stream-text': QuorumStreamText;
  }
}
