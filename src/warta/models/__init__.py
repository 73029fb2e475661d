"""Small model files shipped with Warta (each with a card: data, license, score, rebuild command)."""
