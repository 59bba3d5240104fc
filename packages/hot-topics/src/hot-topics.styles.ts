import { css } from 'lit';

export const hotTopicsStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .topics {
    display: grid;
    /* the list's own width decides where the actions go (@container below) */
    container-type: inline-size;
  }
  /* a long feed lays out only the topics near the viewport */
  [part='list'] > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 6rem;
  }
  .topic {
    display: grid;
    gap: 0.5rem 1rem;
    /* room for the focus rings of the link and buttons at the edges: the item (content-visibility)
       clips its content, so the topic's own ring goes inside */
    padding: 0.75rem 0.25rem;
    outline-offset: -2px;
    border-block-end: 1px solid var(--_surface);
  }
  .main {
    display: grid;
    gap: 0.25rem;
    align-content: start;
    overflow-wrap: anywhere;
  }
  .title {
    font-size: 1em;
  }
  .title a {
    color: inherit;
  }
  .flag,
  [aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  /* forced colors drop the accent: a pressed chip or vote keeps its own (system) colors */
  @media (forced-colors: active) {
    [aria-pressed='true'] {
      --_accent: Highlight;
      --_on-accent: HighlightText;
    }
  }
  .flag {
    justify-self: start;
    padding: 0 0.5rem;
    border-radius: 1rem;
    font-size: 0.75em;
    font-weight: 600;
  }
  .excerpt {
    color: var(--_muted);
    overflow: hidden;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
  }
  .meta,
  .tags,
  .stats,
  .chips,
  .foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    object-fit: cover;
    background: var(--_surface);
    color: var(--_fg);
    font-size: 0.75em;
  }
  .tags li {
    padding: 0 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
  }
  .stat {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.25rem;
    padding: 0 0.5rem;
    white-space: nowrap;
  }
  svg {
    width: 0.875em;
    fill: currentColor;
  }
  .compact .topic {
    padding-block: 0.375rem;
  }
  /* the counts and actions go under the topic (a row), and beside it only where the list is wide
     enough for titles to keep whole words: stacked in the list layout, a row in the compact one */
  @container (width >= 28em) {
    .topic {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .list .stats {
      flex-flow: column;
      align-items: stretch;
    }
  }
  .cards .topics {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--kith-hot-topics-card-width, 16rem)), 1fr));
    gap: var(--_space);
  }
  .cards .topic {
    grid-template-columns: minmax(0, 1fr);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .cards .excerpt {
    -webkit-line-clamp: 4;
  }
  .chips {
    gap: 0.5rem;
    margin-block-end: 0.75rem;
  }
  .chip,
  .fresh .btn {
    border-radius: 2rem;
  }
  .fresh {
    position: sticky;
    top: 0.5rem;
    z-index: 1;
    height: 0;
    display: flex;
    justify-content: center;
  }
  .fresh .btn {
    height: max-content;
    box-shadow: var(--_shadow);
  }
  .foot {
    justify-content: space-between;
    margin-block-start: 0.75rem;
  }
  .foot a {
    color: var(--_accent);
  }
  .empty {
    padding-block: var(--_space);
    color: var(--_muted);
  }
  .bone + .bone {
    height: 3.5rem;
  }
  .compact .bone + .bone {
    height: 1rem;
  }
  .bone {
    height: 1.25rem;
    border-radius: 0.25rem;
    background: var(--_surface);
  }
`;
