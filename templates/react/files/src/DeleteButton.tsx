import { useEffect, useRef, useState } from 'react';

/** Delete, asked twice: the first press asks "Delete …?", only "Yes, delete" deletes. */
export function DeleteButton({ title, onConfirm }: { title: string; onConfirm(): Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" className="danger" aria-label={`Delete ${title}`} onClick={() => setAsking(true)}>
        Delete
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={`Delete ${title}?`}>
      <span>{`Delete “${title}”?`}</span>
      <button type="button" className="danger" aria-label={`Yes, delete ${title}`} onClick={() => void onConfirm().finally(() => setAsking(false))}>
        Yes, delete
      </button>
      <button type="button" ref={keep} aria-label={`Keep ${title}`} onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}
